-- Issue #17 §1, a review queue for a team: internal notes, presence, saved views, canned
-- rationales and automatic assignment. Existing rows keep their meaning (assignment off).

ALTER TABLE "provider_settings" ADD COLUMN "autoAssignment" TEXT NOT NULL DEFAULT 'off',
ADD COLUMN "lastAutoAssigneeId" UUID;
ALTER TABLE "provider_settings" ADD CONSTRAINT "provider_settings_auto_assignment"
  CHECK ("autoAssignment" IN ('off', 'round_robin', 'by_customer'));

ALTER TABLE "customer" ADD COLUMN "reviewerId" UUID;

CREATE TABLE "dispute_note" (
    "id" UUID NOT NULL,
    "disputeId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "authorLabel" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "dispute_note_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "dispute_presence" (
    "disputeId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "userLabel" TEXT NOT NULL,
    "seenAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "dispute_presence_pkey" PRIMARY KEY ("disputeId","userId")
);

CREATE TABLE "saved_queue_view" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "filters" JSONB NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "saved_queue_view_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "canned_rationale" (
    "id" UUID NOT NULL,
    "rootCause" "root_cause" NOT NULL,
    "text" TEXT NOT NULL,
    "updatedBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "canned_rationale_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "dispute_note_by_dispute" ON "dispute_note"("disputeId", "createdAt");
CREATE INDEX "dispute_presence_by_time" ON "dispute_presence"("seenAt");
CREATE UNIQUE INDEX "saved_queue_view_by_name" ON "saved_queue_view"("userId", "name");
CREATE INDEX "canned_rationale_by_root_cause" ON "canned_rationale"("rootCause");

ALTER TABLE "dispute_note" ADD CONSTRAINT "dispute_note_disputeId_fkey" FOREIGN KEY ("disputeId") REFERENCES "dispute"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "dispute_presence" ADD CONSTRAINT "dispute_presence_disputeId_fkey" FOREIGN KEY ("disputeId") REFERENCES "dispute"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- At most one default view per user (kept by the use case, guarded here).
CREATE UNIQUE INDEX "saved_queue_view_one_default" ON "saved_queue_view"("userId") WHERE "isDefault";

-- Internal notes are the provider's alone: no customer scope ever reads them, whatever the
-- query says (the procedures are staff-only too; this is the second wall).
ALTER TABLE "dispute_note" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "dispute_note" FORCE ROW LEVEL SECURITY;
CREATE POLICY "provider_only" ON "dispute_note"
  USING ((SELECT current_setting('outcome_ledger.scope', true)) = 'provider');

ALTER TABLE "dispute_presence" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "dispute_presence" FORCE ROW LEVEL SECURITY;
CREATE POLICY "provider_only" ON "dispute_presence"
  USING ((SELECT current_setting('outcome_ledger.scope', true)) = 'provider');
