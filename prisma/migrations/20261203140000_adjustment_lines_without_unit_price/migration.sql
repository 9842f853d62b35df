-- Adjustment lines (cap, minimum true-up, dispute credits, late items) are amounts with an
-- explanation, not a quantity at a price: they read "1 × 100.00 = −20.00" (the cap as a unit
-- price) before. They now have no quantity and no unit price, so every line that shows a unit
-- price obeys quantity × unit price = amount, and a CHECK keeps it so.
ALTER TABLE "invoice_line" ALTER COLUMN "quantity" DROP NOT NULL;
ALTER TABLE "invoice_line" ALTER COLUMN "unitPrice" DROP NOT NULL;

-- Lines already written, finalized ones included, lose only the two meaningless numbers: no
-- amount, total, description or position changes. The append-only trigger is set aside for this
-- one statement of the migration, inside its transaction.
ALTER TABLE "invoice_line" DISABLE TRIGGER "invoice_line_is_append_only";
UPDATE "invoice_line" SET "quantity" = NULL, "unitPrice" = NULL
  WHERE "kind" IN ('cap_adjustment', 'minimum_true_up', 'dispute_credit', 'late_items');
ALTER TABLE "invoice_line" ENABLE TRIGGER "invoice_line_is_append_only";

ALTER TABLE "invoice_line" ADD CONSTRAINT "invoice_line_adjustment_has_no_unit_price" CHECK (
  CASE WHEN "kind" IN ('cap_adjustment', 'minimum_true_up', 'dispute_credit', 'late_items')
    THEN "quantity" IS NULL AND "unitPrice" IS NULL
    ELSE "quantity" IS NOT NULL AND "unitPrice" IS NOT NULL
  END
);
