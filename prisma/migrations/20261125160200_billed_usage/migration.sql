-- CreateTable
CREATE TABLE "billed_usage" (
    "customerId" UUID NOT NULL,
    "periodStart" TIMESTAMPTZ(3) NOT NULL,
    "definitionId" UUID NOT NULL,
    "attempts" INTEGER NOT NULL,
    "billable" INTEGER NOT NULL,

    CONSTRAINT "billed_usage_pkey" PRIMARY KEY ("customerId","periodStart","definitionId")
);

-- Late-item candidates also include attempts whose every event was voided after billing.
DROP INDEX "attempt_unbilled_changes";
CREATE INDEX "attempt_unbilled_changes" ON "attempt" ("customerId", "occurredAt")
  WHERE "billedStatus" IS DISTINCT FROM "status" OR "eventCount" = 0;
