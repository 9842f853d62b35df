-- Contract discounts (issue #15, shape 5). Stored versions get an empty list: no discount, as
-- before. Discount lines (price_discount, invoice_discount) are adjustment lines like the cap:
-- an amount with its explanation, no quantity or unit price. Replacing the CHECK reads every
-- existing line and changes none: none has the new kinds.
ALTER TABLE "contract" ADD COLUMN "discounts" JSONB NOT NULL DEFAULT '[]';

ALTER TABLE "invoice_line" DROP CONSTRAINT "invoice_line_adjustment_has_no_unit_price";
ALTER TABLE "invoice_line" ADD CONSTRAINT "invoice_line_adjustment_has_no_unit_price" CHECK (
  CASE WHEN "kind" IN ('price_minimum', 'price_maximum', 'price_discount', 'invoice_discount', 'cap_adjustment', 'minimum_true_up', 'dispute_credit', 'late_items')
    THEN "quantity" IS NULL AND "unitPrice" IS NULL
    ELSE "quantity" IS NOT NULL AND "unitPrice" IS NOT NULL
  END
);
