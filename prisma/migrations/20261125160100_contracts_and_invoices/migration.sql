-- CreateEnum
CREATE TYPE "invoice_status" AS ENUM ('draft', 'finalized');

-- AlterTable
ALTER TABLE "attempt" ADD COLUMN     "billedInvoiceId" UUID,
ADD COLUMN     "billedStatus" "outcome_status";

-- CreateTable
CREATE TABLE "contract" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "effectiveFrom" TIMESTAMPTZ(3) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "platformFee" DECIMAL(20,10) NOT NULL,
    "attemptFees" JSONB NOT NULL,
    "outcomePrices" JSONB NOT NULL,
    "monthlyCap" DECIMAL(20,10),
    "minimumCommitment" DECIMAL(20,10),
    "disputeWindowDays" INTEGER NOT NULL,
    "graceDays" INTEGER NOT NULL,
    "changeNote" TEXT NOT NULL,
    "authorLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "usage_rollup" (
    "customerId" UUID NOT NULL,
    "periodStart" TIMESTAMPTZ(3) NOT NULL,
    "definitionId" UUID NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "billable" INTEGER NOT NULL DEFAULT 0,
    "pending" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "usage_rollup_pkey" PRIMARY KEY ("customerId","periodStart","definitionId")
);

-- CreateTable
CREATE TABLE "invoice" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "periodStart" TIMESTAMPTZ(3) NOT NULL,
    "periodEnd" TIMESTAMPTZ(3) NOT NULL,
    "status" "invoice_status" NOT NULL DEFAULT 'draft',
    "number" TEXT,
    "currency" CHAR(3) NOT NULL,
    "contractId" UUID,
    "totalMinor" BIGINT,
    "finalizedAt" TIMESTAMPTZ(3),
    "finalizedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoice_line" (
    "id" UUID NOT NULL,
    "invoiceId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "definitionId" UUID,
    "description" TEXT NOT NULL,
    "quantity" DECIMAL(30,10) NOT NULL,
    "unitPrice" DECIMAL(20,10) NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "tierFrom" INTEGER,
    "tierTo" INTEGER,
    "sourcePeriodStart" TIMESTAMPTZ(3),

    CONSTRAINT "invoice_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document_sequence" (
    "series" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "document_sequence_pkey" PRIMARY KEY ("series","year")
);

-- CreateTable
CREATE TABLE "credit_note" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "invoiceId" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issuedBy" TEXT NOT NULL,

    CONSTRAINT "credit_note_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "credit_note_line" (
    "id" UUID NOT NULL,
    "creditNoteId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "description" TEXT NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "attemptId" UUID,

    CONSTRAINT "credit_note_line_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "contract_customerId_version_key" ON "contract"("customerId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "contract_by_effective_from" ON "contract"("customerId", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "invoice_number_key" ON "invoice"("number");

-- CreateIndex
CREATE INDEX "invoice_by_status_period_end" ON "invoice"("status", "periodEnd");

-- CreateIndex
CREATE UNIQUE INDEX "invoice_by_period" ON "invoice"("customerId", "periodStart");

-- CreateIndex
CREATE UNIQUE INDEX "invoice_line_invoiceId_position_key" ON "invoice_line"("invoiceId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "credit_note_number_key" ON "credit_note"("number");

-- CreateIndex
CREATE INDEX "credit_note_by_invoice" ON "credit_note"("invoiceId");

-- CreateIndex
CREATE INDEX "attempt_usage_by_period" ON "attempt"("customerId", "occurredAt", "definitionId", "status");

-- AddForeignKey
ALTER TABLE "contract" ADD CONSTRAINT "contract_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice" ADD CONSTRAINT "invoice_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice_line" ADD CONSTRAINT "invoice_line_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_note" ADD CONSTRAINT "credit_note_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_note_line" ADD CONSTRAINT "credit_note_line_creditNoteId_fkey" FOREIGN KEY ("creditNoteId") REFERENCES "credit_note"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
-- Attempts billed differently from how they stand now (or never billed): the late items.
CREATE INDEX "attempt_unbilled_changes" ON "attempt" ("customerId", "occurredAt")
  WHERE "billedStatus" IS DISTINCT FROM "status";

-- A finalized invoice never changes: not its row, not its lines, and no line is added.
-- (Finalization writes the lines first, then marks the invoice finalized.)
CREATE FUNCTION invoice_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD."status" = 'finalized' THEN
    RAISE EXCEPTION 'invoice % is finalized and cannot be changed', OLD."id";
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER invoice_finalized_is_immutable
  BEFORE UPDATE OR DELETE ON "invoice"
  FOR EACH ROW EXECUTE FUNCTION invoice_refuse_change();

CREATE FUNCTION invoice_line_refuse_change() RETURNS trigger AS $$
DECLARE
  target uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD."invoiceId" ELSE NEW."invoiceId" END;
BEGIN
  IF TG_OP <> 'INSERT' OR EXISTS (
    SELECT 1 FROM "invoice" WHERE "id" = target AND "status" = 'finalized'
  ) THEN
    RAISE EXCEPTION 'lines of invoice % cannot be changed', target;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER invoice_line_is_append_only
  BEFORE INSERT OR UPDATE OR DELETE ON "invoice_line"
  FOR EACH ROW EXECUTE FUNCTION invoice_line_refuse_change();

-- Credit notes are documents too: issued once, never edited.
CREATE FUNCTION credit_note_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% rows are immutable once issued', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER credit_note_is_immutable
  BEFORE UPDATE OR DELETE ON "credit_note"
  FOR EACH ROW EXECUTE FUNCTION credit_note_refuse_change();

CREATE TRIGGER credit_note_line_is_immutable
  BEFORE UPDATE OR DELETE ON "credit_note_line"
  FOR EACH ROW EXECUTE FUNCTION credit_note_refuse_change();
