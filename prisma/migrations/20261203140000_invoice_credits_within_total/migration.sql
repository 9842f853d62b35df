-- Credits on an invoice never exceed its amount (PRODUCT.md, billing rule 5), held by the
-- database as well as by the code: "creditNotesMinor" is the sum of the invoice's credit notes,
-- kept by a trigger on credit notes, and a CHECK bounds it by the total. Concurrent credit
-- notes on one invoice queue on the invoice row's update, and the second sees the first.
ALTER TABLE "invoice" ADD COLUMN "creditNotesMinor" BIGINT NOT NULL DEFAULT 0;

ALTER TABLE "invoice" DISABLE TRIGGER invoice_finalized_is_immutable;
UPDATE "invoice" i SET "creditNotesMinor" = c."amountMinor"
FROM (SELECT "invoiceId", sum("amountMinor") AS "amountMinor" FROM "credit_note" GROUP BY "invoiceId") c
WHERE c."invoiceId" = i."id";
ALTER TABLE "invoice" ENABLE TRIGGER invoice_finalized_is_immutable;

-- A finalized invoice's total may be negative (late items can credit); nothing may credit it then.
ALTER TABLE "invoice" ADD CONSTRAINT "invoice_credit_notes_within_total"
  CHECK ("creditNotesMinor" >= 0 AND ("creditNotesMinor" = 0 OR "creditNotesMinor" <= "totalMinor"));

-- A finalized invoice still never changes, except its credited amount, and that only to the
-- sum of its credit notes (so nothing but the credit-note trigger can move it).
CREATE OR REPLACE FUNCTION invoice_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'invoice % is finalized and cannot be changed', OLD."id";
  END IF;
  IF OLD."status" = 'finalized' AND (
    (to_jsonb(NEW) - 'creditNotesMinor') IS DISTINCT FROM (to_jsonb(OLD) - 'creditNotesMinor')
    OR NEW."creditNotesMinor" <> (SELECT coalesce(sum("amountMinor"), 0) FROM "credit_note" WHERE "invoiceId" = NEW."id")
  ) THEN
    RAISE EXCEPTION 'invoice % is finalized and cannot be changed', OLD."id";
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION credit_note_counts_on_invoice() RETURNS trigger AS $$
BEGIN
  UPDATE "invoice" SET "creditNotesMinor" = "creditNotesMinor" + NEW."amountMinor"
  WHERE "id" = NEW."invoiceId" AND "status" = 'finalized';
  IF NOT FOUND THEN
    RAISE EXCEPTION 'only a finalized invoice takes credit notes (invoice %)', NEW."invoiceId";
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER credit_note_counts_on_invoice
  AFTER INSERT ON "credit_note"
  FOR EACH ROW EXECUTE FUNCTION credit_note_counts_on_invoice();
