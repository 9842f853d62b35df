-- An outcome price's own minimum and maximum (price_minimum, price_maximum) are adjustment
-- lines like the cap: an amount with its explanation, no quantity or unit price. A tier's flat
-- fee (tier_flat_fee) is a priced line, 1 × the fee. Replacing the CHECK reads every existing
-- line and changes none: none has the new kinds.
ALTER TABLE "invoice_line" DROP CONSTRAINT "invoice_line_adjustment_has_no_unit_price";
ALTER TABLE "invoice_line" ADD CONSTRAINT "invoice_line_adjustment_has_no_unit_price" CHECK (
  CASE WHEN "kind" IN ('price_minimum', 'price_maximum', 'cap_adjustment', 'minimum_true_up', 'dispute_credit', 'late_items')
    THEN "quantity" IS NULL AND "unitPrice" IS NULL
    ELSE "quantity" IS NOT NULL AND "unitPrice" IS NOT NULL
  END
);
