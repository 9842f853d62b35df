-- Prepaid credits (issue #15, shape 6). A wallet is grants (each with what remains of it and an
-- optional expiry) and a ledger of every movement. Finalized invoices draw it down in their
-- finalization transaction; what was drawn is a column of the invoice, frozen with the rest of
-- the row (existing invoices drew nothing: 0). Nothing existing changes.
ALTER TABLE "invoice" ADD COLUMN "walletDrawnMinor" BIGINT NOT NULL DEFAULT 0;
ALTER TABLE "invoice" ADD CONSTRAINT "invoice_wallet_drawn_within_total"
  CHECK ("walletDrawnMinor" >= 0 AND ("walletDrawnMinor" = 0 OR "walletDrawnMinor" <= "totalMinor"));

-- A contract's recurring allowance, { "amount": "100.00", "rolloverPeriods": 1 }: granted at each
-- period's finalization; stored versions have none (null), as before.
ALTER TABLE "contract" ADD COLUMN "prepaidAllowance" JSONB;

CREATE TABLE "wallet_grant" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "remainingMinor" BIGINT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3),
    "reason" TEXT NOT NULL,
    "grantedAt" TIMESTAMPTZ(3) NOT NULL,
    "grantedBy" TEXT NOT NULL,
    "creditNoteId" UUID,
    "allowancePeriodStart" TIMESTAMPTZ(3),

    CONSTRAINT "wallet_grant_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "wallet_grant_kind" CHECK ("kind" IN ('grant', 'top_up', 'allowance', 'refund')),
    CONSTRAINT "wallet_grant_amount_positive" CHECK ("amountMinor" > 0),
    -- The balance is never negative: no grant gives more than it held.
    CONSTRAINT "wallet_grant_remaining_within_amount" CHECK ("remainingMinor" >= 0 AND "remainingMinor" <= "amountMinor"),
    CONSTRAINT "wallet_grant_refund_names_credit_note" CHECK (("kind" = 'refund') = ("creditNoteId" IS NOT NULL)),
    CONSTRAINT "wallet_grant_allowance_names_period" CHECK (("kind" = 'allowance') = ("allowancePeriodStart" IS NOT NULL))
);
CREATE UNIQUE INDEX "wallet_grant_creditNoteId_key" ON "wallet_grant"("creditNoteId");
CREATE UNIQUE INDEX "wallet_allowance_once_per_period" ON "wallet_grant"("customerId", "allowancePeriodStart");
CREATE INDEX "wallet_grant_by_customer" ON "wallet_grant"("customerId", "grantedAt");
ALTER TABLE "wallet_grant" ADD CONSTRAINT "wallet_grant_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "wallet_grant" ADD CONSTRAINT "wallet_grant_creditNoteId_fkey" FOREIGN KEY ("creditNoteId") REFERENCES "credit_note"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "wallet_entry" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "grantId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "invoiceId" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "recordedBy" TEXT NOT NULL,

    CONSTRAINT "wallet_entry_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "wallet_entry_kind" CHECK ("kind" IN ('grant', 'top_up', 'allowance', 'refund', 'draw', 'expiry')),
    CONSTRAINT "wallet_entry_sign" CHECK (CASE WHEN "kind" IN ('draw', 'expiry') THEN "amountMinor" < 0 ELSE "amountMinor" > 0 END),
    CONSTRAINT "wallet_entry_draw_names_invoice" CHECK (("kind" = 'draw') = ("invoiceId" IS NOT NULL))
);
-- Never double-drawn: one draw per invoice and grant; one expiry per grant.
CREATE UNIQUE INDEX "wallet_draw_once_per_invoice_and_grant" ON "wallet_entry"("invoiceId", "grantId") WHERE "kind" = 'draw';
CREATE UNIQUE INDEX "wallet_expiry_once_per_grant" ON "wallet_entry"("grantId") WHERE "kind" = 'expiry';
CREATE INDEX "wallet_entry_by_customer" ON "wallet_entry"("customerId", "at");
ALTER TABLE "wallet_entry" ADD CONSTRAINT "wallet_entry_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "wallet_grant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "wallet_entry" ADD CONSTRAINT "wallet_entry_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A grant is a fact: only what remains of it moves, and only down (draws, expiry).
CREATE FUNCTION wallet_grant_only_draws_down() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE'
    OR (to_jsonb(NEW) - 'remainingMinor') IS DISTINCT FROM (to_jsonb(OLD) - 'remainingMinor')
    OR NEW."remainingMinor" > OLD."remainingMinor" THEN
    RAISE EXCEPTION 'wallet grant % can only be drawn down', OLD."id";
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER wallet_grant_only_draws_down
  BEFORE UPDATE OR DELETE ON "wallet_grant"
  FOR EACH ROW EXECUTE FUNCTION wallet_grant_only_draws_down();
CREATE TRIGGER wallet_entry_is_immutable
  BEFORE UPDATE OR DELETE ON "wallet_entry"
  FOR EACH ROW EXECUTE FUNCTION credit_note_refuse_change();

ALTER TABLE "wallet_grant" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "wallet_grant" FORCE ROW LEVEL SECURITY;
CREATE POLICY "customer_scope" ON "wallet_grant"
  USING ((SELECT current_setting('outcome_ledger.scope', true)) = 'provider' OR "customerId" = (SELECT nullif(current_setting('outcome_ledger.customer_id', true), '')::uuid));

ALTER TABLE "wallet_entry" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "wallet_entry" FORCE ROW LEVEL SECURITY;
CREATE POLICY "customer_scope" ON "wallet_entry"
  USING ((SELECT current_setting('outcome_ledger.scope', true)) = 'provider' OR "customerId" = (SELECT nullif(current_setting('outcome_ledger.customer_id', true), '')::uuid));
