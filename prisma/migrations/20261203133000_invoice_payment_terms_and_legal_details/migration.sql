-- What an accounts-payable team needs to book an invoice: both parties' legal details, the
-- contract's payment terms, the customer's purchase-order number, and the payments (or the
-- void) the provider records against a finalized invoice.

ALTER TABLE "provider_settings" ADD COLUMN "legalName" TEXT,
  ADD COLUMN "address" TEXT,
  ADD COLUMN "taxId" TEXT;

ALTER TABLE "customer" ADD COLUMN "legalName" TEXT,
  ADD COLUMN "address" TEXT,
  ADD COLUMN "taxId" TEXT;

-- Net days from the invoice's issue (finalization) to its due date.
ALTER TABLE "contract" ADD COLUMN "paymentTermsDays" INTEGER NOT NULL DEFAULT 30;
ALTER TABLE "contract" ADD CONSTRAINT "contract_payment_terms_days" CHECK ("paymentTermsDays" BETWEEN 0 AND 365);

-- Editable on the draft; frozen with the rest of the row at finalization (invoice_finalized_is_immutable).
ALTER TABLE "invoice" ADD COLUMN "poNumber" TEXT;

-- Payments received, recorded by the provider. Partial payments add up; a correction would be
-- a new document, never an edit, so rows are immutable like credit notes.
CREATE TABLE "invoice_payment" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "invoiceId" UUID NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "paidOn" DATE NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedBy" TEXT NOT NULL,

    CONSTRAINT "invoice_payment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "invoice_payment_amount_positive" CHECK ("amountMinor" > 0)
);
CREATE INDEX "invoice_payment_by_invoice" ON "invoice_payment"("invoiceId");
ALTER TABLE "invoice_payment" ADD CONSTRAINT "invoice_payment_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A finalized invoice the provider cancelled: at most one per invoice, never undone.
CREATE TABLE "invoice_void" (
    "invoiceId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "voidedAt" TIMESTAMPTZ(3) NOT NULL,
    "voidedBy" TEXT NOT NULL,

    CONSTRAINT "invoice_void_pkey" PRIMARY KEY ("invoiceId")
);
ALTER TABLE "invoice_void" ADD CONSTRAINT "invoice_void_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TRIGGER invoice_payment_is_immutable
  BEFORE UPDATE OR DELETE ON "invoice_payment"
  FOR EACH ROW EXECUTE FUNCTION credit_note_refuse_change();
CREATE TRIGGER invoice_void_is_immutable
  BEFORE UPDATE OR DELETE ON "invoice_void"
  FOR EACH ROW EXECUTE FUNCTION credit_note_refuse_change();

ALTER TABLE "invoice_payment" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "invoice_payment" FORCE ROW LEVEL SECURITY;
CREATE POLICY "customer_scope" ON "invoice_payment"
  USING ((SELECT current_setting('outcome_ledger.scope', true)) = 'provider' OR "customerId" = (SELECT nullif(current_setting('outcome_ledger.customer_id', true), '')::uuid));

ALTER TABLE "invoice_void" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "invoice_void" FORCE ROW LEVEL SECURITY;
CREATE POLICY "customer_scope" ON "invoice_void"
  USING ((SELECT current_setting('outcome_ledger.scope', true)) = 'provider' OR "customerId" = (SELECT nullif(current_setting('outcome_ledger.customer_id', true), '')::uuid));
