-- Commitments over several periods (issue #15, shape 9). Stored versions get NULL: no
-- commitment over several periods, as before. The true-up at the end of a term is an
-- adjustment line like the per-period minimum's: an amount with its explanation, no quantity
-- or unit price. Replacing the CHECK reads every existing line and changes none.
ALTER TABLE "contract" ADD COLUMN "termCommitment" JSONB;

ALTER TABLE "invoice_line" DROP CONSTRAINT "invoice_line_adjustment_has_no_unit_price";
ALTER TABLE "invoice_line" ADD CONSTRAINT "invoice_line_adjustment_has_no_unit_price" CHECK (
  CASE WHEN "kind" IN ('price_minimum', 'price_maximum', 'price_discount', 'invoice_discount', 'cap_adjustment', 'minimum_true_up', 'commitment_true_up', 'dispute_credit', 'late_items')
    THEN "quantity" IS NULL AND "unitPrice" IS NULL
    ELSE "quantity" IS NOT NULL AND "unitPrice" IS NOT NULL
  END
);
