-- CreateEnum
CREATE TYPE "dispute_status" AS ENUM ('open', 'resolved', 'withdrawn');

-- CreateEnum
CREATE TYPE "dispute_reason" AS ENUM ('not_resolved', 'reopened', 'human_did_the_work', 'duplicate', 'wrong_definition', 'other');

-- CreateEnum
CREATE TYPE "disputed_outcome_state" AS ENUM ('undecided', 'accepted', 'partial', 'rejected', 'withdrawn');

-- CreateEnum
CREATE TYPE "adjudication_kind" AS ENUM ('accept', 'partial', 'reject');

-- CreateEnum
CREATE TYPE "root_cause" AS ENUM ('definition_gap', 'detection_error', 'attribution', 'duplicate', 'no_fault_found');

-- CreateEnum
CREATE TYPE "dispute_side" AS ENUM ('customer', 'provider');

-- AlterTable
ALTER TABLE "credit_note" ADD COLUMN     "disputeDecisionId" UUID;

-- CreateTable
CREATE TABLE "dispute" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "status" "dispute_status" NOT NULL DEFAULT 'open',
    "reason" "dispute_reason" NOT NULL,
    "message" TEXT NOT NULL,
    "supportingText" TEXT NOT NULL DEFAULT '',
    "supportingLinks" TEXT[],
    "scopeLabel" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "openedById" UUID NOT NULL,
    "openedBy" TEXT NOT NULL,
    "openedAt" TIMESTAMPTZ(3) NOT NULL,
    "slaDueAt" TIMESTAMPTZ(3) NOT NULL,
    "assigneeId" UUID,
    "outcomeCount" INTEGER NOT NULL,
    "undecidedCount" INTEGER NOT NULL,
    "atStakeMinor" BIGINT NOT NULL,
    "creditedMinor" BIGINT NOT NULL DEFAULT 0,
    "lastActivityAt" TIMESTAMPTZ(3) NOT NULL,
    "resolvedAt" TIMESTAMPTZ(3),
    "withdrawnAt" TIMESTAMPTZ(3),

    CONSTRAINT "dispute_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "disputed_outcome" (
    "id" UUID NOT NULL,
    "disputeId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "attemptId" UUID NOT NULL,
    "definitionId" UUID NOT NULL,
    "periodStart" TIMESTAMPTZ(3) NOT NULL,
    "invoiceId" UUID NOT NULL,
    "disputedShare" DECIMAL(7,6) NOT NULL,
    "atStakeMinor" BIGINT NOT NULL,
    "state" "disputed_outcome_state" NOT NULL DEFAULT 'undecided',
    "creditShare" DECIMAL(7,6) NOT NULL DEFAULT 0,
    "creditMinor" BIGINT NOT NULL DEFAULT 0,
    "decisionId" UUID,
    "creditNoteId" UUID,

    CONSTRAINT "disputed_outcome_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dispute_decision" (
    "id" UUID NOT NULL,
    "disputeId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "kind" "adjudication_kind" NOT NULL,
    "percent" DECIMAL(5,2) NOT NULL,
    "rationale" TEXT NOT NULL,
    "rootCause" "root_cause" NOT NULL,
    "criterionPath" TEXT,
    "criterionLabel" TEXT,
    "decidedById" UUID NOT NULL,
    "decidedBy" TEXT NOT NULL,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL,
    "outcomeCount" INTEGER NOT NULL,
    "creditMinor" BIGINT NOT NULL,
    "explanation" TEXT NOT NULL,

    CONSTRAINT "dispute_decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dispute_message" (
    "id" UUID NOT NULL,
    "disputeId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "authorLabel" TEXT NOT NULL,
    "side" "dispute_side" NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "dispute_message_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "dispute_number_key" ON "dispute"("number");

-- CreateIndex
CREATE INDEX "dispute_queue" ON "dispute"("status", "slaDueAt");

-- CreateIndex
CREATE INDEX "dispute_by_customer" ON "dispute"("customerId", "openedAt" DESC);

-- CreateIndex
CREATE INDEX "disputed_outcome_attempt" ON "disputed_outcome"("attemptId");

-- CreateIndex
CREATE INDEX "disputed_outcome_by_period" ON "disputed_outcome"("customerId", "periodStart", "definitionId");

-- CreateIndex
CREATE UNIQUE INDEX "disputed_outcome_by_attempt" ON "disputed_outcome"("disputeId", "attemptId");

-- CreateIndex
CREATE INDEX "dispute_decision_by_dispute" ON "dispute_decision"("disputeId");

-- CreateIndex
CREATE INDEX "dispute_message_by_dispute" ON "dispute_message"("disputeId", "createdAt");

-- AddForeignKey
ALTER TABLE "credit_note" ADD CONSTRAINT "credit_note_disputeDecisionId_fkey" FOREIGN KEY ("disputeDecisionId") REFERENCES "dispute_decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispute" ADD CONSTRAINT "dispute_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispute" ADD CONSTRAINT "dispute_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disputed_outcome" ADD CONSTRAINT "disputed_outcome_disputeId_fkey" FOREIGN KEY ("disputeId") REFERENCES "dispute"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disputed_outcome" ADD CONSTRAINT "disputed_outcome_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "dispute_decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispute_decision" ADD CONSTRAINT "dispute_decision_disputeId_fkey" FOREIGN KEY ("disputeId") REFERENCES "dispute"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispute_message" ADD CONSTRAINT "dispute_message_disputeId_fkey" FOREIGN KEY ("disputeId") REFERENCES "dispute"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- An outcome is in at most one undecided dispute: the database settles two customers (or two
-- tabs) disputing the same outcome at once. Partial indexes are invisible to Prisma's diff.
CREATE UNIQUE INDEX "disputed_outcome_one_undecided" ON "disputed_outcome"("attemptId") WHERE "state" = 'undecided';

-- The credited outcomes of a period, read when a draft is rated and a credit is priced.
CREATE INDEX "disputed_outcome_credited" ON "disputed_outcome"("customerId", "periodStart", "definitionId") WHERE "creditShare" > 0;
