-- CreateTable
CREATE TABLE "audit_chain_head" (
    "id" SMALLINT NOT NULL DEFAULT 1,
    "seq" BIGINT NOT NULL,
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "audit_chain_head_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_checkpoint" (
    "number" BIGINT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "auditSeq" BIGINT NOT NULL,
    "auditHash" CHAR(64) NOT NULL,
    "reason" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "previousMac" CHAR(64) NOT NULL,
    "mac" CHAR(64) NOT NULL,

    CONSTRAINT "audit_checkpoint_pkey" PRIMARY KEY ("number")
);

-- The chain's head, read and locked by every append (it replaces an advisory lock): a
-- customer's transaction cannot see other customers' entries, so it cannot find the head in
-- audit_entry itself.
ALTER TABLE "audit_chain_head" ADD CONSTRAINT "audit_chain_head_one_row" CHECK ("id" = 1);
INSERT INTO "audit_chain_head" ("id", "seq", "hash")
SELECT 1, COALESCE((SELECT "seq" FROM "audit_entry" ORDER BY "seq" DESC LIMIT 1), 0),
       COALESCE((SELECT "hash" FROM "audit_entry" ORDER BY "seq" DESC LIMIT 1), repeat('0', 64));

-- Checkpoints are append-only, like the entries they vouch for.
CREATE FUNCTION refuse_change_to_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER audit_checkpoint_refuse_update_or_delete
BEFORE UPDATE OR DELETE ON "audit_checkpoint"
FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only();
CREATE TRIGGER audit_checkpoint_refuse_truncate
BEFORE TRUNCATE ON "audit_checkpoint"
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();

-- Row-level security, the second wall between customers (the first is every query's own
-- customer filter). The app sets two settings per connection it hands out
-- (src/server/db.ts): outcome_ledger.scope = 'provider' for staff, jobs and ingestion, which
-- see every customer; or 'customer' with outcome_ledger.customer_id for a customer user's
-- request, which sees that company's rows only. Unset, nothing is visible. FORCE applies the
-- policies to the tables' owner too; only a role with BYPASSRLS (the migrating owner) or a
-- superuser passes. The settings sit in scalar subqueries so that PostgreSQL reads them once
-- per statement, not once per row.

ALTER TABLE "attempt" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "attempt" FORCE ROW LEVEL SECURITY;
CREATE POLICY "customer_scope" ON "attempt"
  USING ((SELECT current_setting('outcome_ledger.scope', true)) = 'provider' OR "customerId" = (SELECT nullif(current_setting('outcome_ledger.customer_id', true), '')::uuid));

ALTER TABLE "ingest_event" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ingest_event" FORCE ROW LEVEL SECURITY;
CREATE POLICY "customer_scope" ON "ingest_event"
  USING ((SELECT current_setting('outcome_ledger.scope', true)) = 'provider' OR "customerId" = (SELECT nullif(current_setting('outcome_ledger.customer_id', true), '')::uuid));

ALTER TABLE "contract" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "contract" FORCE ROW LEVEL SECURITY;
CREATE POLICY "customer_scope" ON "contract"
  USING ((SELECT current_setting('outcome_ledger.scope', true)) = 'provider' OR "customerId" = (SELECT nullif(current_setting('outcome_ledger.customer_id', true), '')::uuid));

ALTER TABLE "usage_rollup" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "usage_rollup" FORCE ROW LEVEL SECURITY;
CREATE POLICY "customer_scope" ON "usage_rollup"
  USING ((SELECT current_setting('outcome_ledger.scope', true)) = 'provider' OR "customerId" = (SELECT nullif(current_setting('outcome_ledger.customer_id', true), '')::uuid));

ALTER TABLE "usage_daily" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "usage_daily" FORCE ROW LEVEL SECURITY;
CREATE POLICY "customer_scope" ON "usage_daily"
  USING ((SELECT current_setting('outcome_ledger.scope', true)) = 'provider' OR "customerId" = (SELECT nullif(current_setting('outcome_ledger.customer_id', true), '')::uuid));

ALTER TABLE "invoice" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "invoice" FORCE ROW LEVEL SECURITY;
CREATE POLICY "customer_scope" ON "invoice"
  USING ((SELECT current_setting('outcome_ledger.scope', true)) = 'provider' OR "customerId" = (SELECT nullif(current_setting('outcome_ledger.customer_id', true), '')::uuid));

ALTER TABLE "invoice_line" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "invoice_line" FORCE ROW LEVEL SECURITY;
CREATE POLICY "customer_scope" ON "invoice_line"
  USING ((SELECT current_setting('outcome_ledger.scope', true)) = 'provider' OR "customerId" = (SELECT nullif(current_setting('outcome_ledger.customer_id', true), '')::uuid));

ALTER TABLE "credit_note" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "credit_note" FORCE ROW LEVEL SECURITY;
CREATE POLICY "customer_scope" ON "credit_note"
  USING ((SELECT current_setting('outcome_ledger.scope', true)) = 'provider' OR "customerId" = (SELECT nullif(current_setting('outcome_ledger.customer_id', true), '')::uuid));

ALTER TABLE "credit_note_line" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "credit_note_line" FORCE ROW LEVEL SECURITY;
CREATE POLICY "customer_scope" ON "credit_note_line"
  USING ((SELECT current_setting('outcome_ledger.scope', true)) = 'provider' OR "customerId" = (SELECT nullif(current_setting('outcome_ledger.customer_id', true), '')::uuid));

ALTER TABLE "billed_usage" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "billed_usage" FORCE ROW LEVEL SECURITY;
CREATE POLICY "customer_scope" ON "billed_usage"
  USING ((SELECT current_setting('outcome_ledger.scope', true)) = 'provider' OR "customerId" = (SELECT nullif(current_setting('outcome_ledger.customer_id', true), '')::uuid));

ALTER TABLE "outcome_value" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "outcome_value" FORCE ROW LEVEL SECURITY;
CREATE POLICY "customer_scope" ON "outcome_value"
  USING ((SELECT current_setting('outcome_ledger.scope', true)) = 'provider' OR "customerId" = (SELECT nullif(current_setting('outcome_ledger.customer_id', true), '')::uuid));

ALTER TABLE "spend_alert" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "spend_alert" FORCE ROW LEVEL SECURITY;
CREATE POLICY "customer_scope" ON "spend_alert"
  USING ((SELECT current_setting('outcome_ledger.scope', true)) = 'provider' OR "customerId" = (SELECT nullif(current_setting('outcome_ledger.customer_id', true), '')::uuid));

ALTER TABLE "spend_alert_firing" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "spend_alert_firing" FORCE ROW LEVEL SECURITY;
CREATE POLICY "customer_scope" ON "spend_alert_firing"
  USING ((SELECT current_setting('outcome_ledger.scope', true)) = 'provider' OR "customerId" = (SELECT nullif(current_setting('outcome_ledger.customer_id', true), '')::uuid));

ALTER TABLE "notification" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "notification" FORCE ROW LEVEL SECURITY;
CREATE POLICY "customer_scope" ON "notification"
  USING ((SELECT current_setting('outcome_ledger.scope', true)) = 'provider' OR "customerId" = (SELECT nullif(current_setting('outcome_ledger.customer_id', true), '')::uuid));

ALTER TABLE "dispute" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "dispute" FORCE ROW LEVEL SECURITY;
CREATE POLICY "customer_scope" ON "dispute"
  USING ((SELECT current_setting('outcome_ledger.scope', true)) = 'provider' OR "customerId" = (SELECT nullif(current_setting('outcome_ledger.customer_id', true), '')::uuid));

ALTER TABLE "disputed_outcome" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "disputed_outcome" FORCE ROW LEVEL SECURITY;
CREATE POLICY "customer_scope" ON "disputed_outcome"
  USING ((SELECT current_setting('outcome_ledger.scope', true)) = 'provider' OR "customerId" = (SELECT nullif(current_setting('outcome_ledger.customer_id', true), '')::uuid));

ALTER TABLE "dispute_decision" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "dispute_decision" FORCE ROW LEVEL SECURITY;
CREATE POLICY "customer_scope" ON "dispute_decision"
  USING ((SELECT current_setting('outcome_ledger.scope', true)) = 'provider' OR "customerId" = (SELECT nullif(current_setting('outcome_ledger.customer_id', true), '')::uuid));

ALTER TABLE "dispute_message" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "dispute_message" FORCE ROW LEVEL SECURITY;
CREATE POLICY "customer_scope" ON "dispute_message"
  USING ((SELECT current_setting('outcome_ledger.scope', true)) = 'provider' OR "customerId" = (SELECT nullif(current_setting('outcome_ledger.customer_id', true), '')::uuid));

ALTER TABLE "customer" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "customer" FORCE ROW LEVEL SECURITY;
CREATE POLICY "customer_scope" ON "customer"
  USING ((SELECT current_setting('outcome_ledger.scope', true)) = 'provider' OR "id" = (SELECT nullif(current_setting('outcome_ledger.customer_id', true), '')::uuid));

-- A customer's users, and the provider's staff (customerId null) whose names appear on
-- disputes; a customer's transaction changes only its own company's users.
ALTER TABLE "app_user" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "app_user" FORCE ROW LEVEL SECURITY;
CREATE POLICY "customer_scope_read" ON "app_user" FOR SELECT
  USING ((SELECT current_setting('outcome_ledger.scope', true)) = 'provider' OR "customerId" = (SELECT nullif(current_setting('outcome_ledger.customer_id', true), '')::uuid) OR "customerId" IS NULL);
CREATE POLICY "customer_scope_write" ON "app_user" FOR UPDATE
  USING ((SELECT current_setting('outcome_ledger.scope', true)) = 'provider' OR "customerId" = (SELECT nullif(current_setting('outcome_ledger.customer_id', true), '')::uuid))
  WITH CHECK ((SELECT current_setting('outcome_ledger.scope', true)) = 'provider' OR "customerId" = (SELECT nullif(current_setting('outcome_ledger.customer_id', true), '')::uuid));
CREATE POLICY "customer_scope_delete" ON "app_user" FOR DELETE
  USING ((SELECT current_setting('outcome_ledger.scope', true)) = 'provider' OR "customerId" = (SELECT nullif(current_setting('outcome_ledger.customer_id', true), '')::uuid));
CREATE POLICY "customer_scope_insert" ON "app_user" FOR INSERT
  WITH CHECK ((SELECT current_setting('outcome_ledger.scope', true)) = 'provider' OR "customerId" = (SELECT nullif(current_setting('outcome_ledger.customer_id', true), '')::uuid));

-- A customer reads its own company's entries; its actions append entries about its company
-- or about nobody in particular.
ALTER TABLE "audit_entry" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "audit_entry" FORCE ROW LEVEL SECURITY;
CREATE POLICY "customer_scope_read" ON "audit_entry" FOR SELECT
  USING ((SELECT current_setting('outcome_ledger.scope', true)) = 'provider' OR "customerId" = (SELECT nullif(current_setting('outcome_ledger.customer_id', true), '')::uuid));
CREATE POLICY "customer_scope_insert" ON "audit_entry" FOR INSERT
  WITH CHECK ((SELECT current_setting('outcome_ledger.scope', true)) = 'provider' OR "customerId" = (SELECT nullif(current_setting('outcome_ledger.customer_id', true), '')::uuid) OR "customerId" IS NULL);
