-- A finalized invoice is a document as issued: the seller's and the buyer's names and legal
-- details, and the customer's time zone its times are printed in, are kept with it at
-- finalization. Before, they were read live, so editing the provider's settings or a customer
-- changed invoices already sent (and their PDFs), which "finalized invoices never change" forbids.
ALTER TABLE "invoice" ADD COLUMN "seller" JSONB;
ALTER TABLE "invoice" ADD COLUMN "buyer" JSONB;
ALTER TABLE "invoice" ADD COLUMN "issuedTimeZone" TEXT;

-- Invoices finalized before this change get the details as they stand now: the best record left.
ALTER TABLE "invoice" DISABLE TRIGGER invoice_finalized_is_immutable;
UPDATE "invoice" i SET
  "seller" = jsonb_build_object(
    'name', coalesce(s."name", 'Outcome Ledger'),
    'legalName', s."legalName", 'address', s."address", 'taxId', s."taxId"),
  "buyer" = jsonb_build_object(
    'name', c."name", 'legalName', c."legalName", 'address', c."address", 'taxId', c."taxId"),
  "issuedTimeZone" = c."timezone"
FROM "customer" c LEFT JOIN "provider_settings" s ON s."id" = 1
WHERE c."id" = i."customerId" AND i."status" = 'finalized';
ALTER TABLE "invoice" ENABLE TRIGGER invoice_finalized_is_immutable;

-- From now on a finalized invoice always has them.
ALTER TABLE "invoice" ADD CONSTRAINT "invoice_finalized_has_parties"
  CHECK ("status" <> 'finalized' OR ("seller" IS NOT NULL AND "buyer" IS NOT NULL AND "issuedTimeZone" IS NOT NULL));
