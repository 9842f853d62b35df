-- CreateEnum
CREATE TYPE "definition_version_status" AS ENUM ('draft', 'published', 'retired');

-- CreateEnum
CREATE TYPE "outcome_status" AS ENUM ('pending', 'billable', 'not_billable');

-- CreateEnum
CREATE TYPE "ingest_event_kind" AS ENUM ('original', 'amendment');

-- CreateTable
CREATE TABLE "api_key" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secretHash" CHAR(64) NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "api_key_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outcome_definition" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "unitLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "outcome_definition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "definition_version" (
    "id" UUID NOT NULL,
    "definitionId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "definition_version_status" NOT NULL DEFAULT 'draft',
    "criteria" JSONB NOT NULL,
    "observationWindowHours" INTEGER NOT NULL,
    "defaultUnitPrice" DECIMAL(20,10) NOT NULL,
    "effectiveFrom" TIMESTAMP(3),
    "authorLabel" TEXT NOT NULL,
    "changeNote" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "definition_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attempt" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "definitionId" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "lastEventAt" TIMESTAMPTZ(3) NOT NULL,
    "attributes" JSONB NOT NULL,
    "attributeTimes" JSONB NOT NULL,
    "aiShare" DECIMAL(5,4),
    "costAmount" DECIMAL(20,10) NOT NULL DEFAULT 0,
    "costCurrency" CHAR(3),
    "definitionVersionId" UUID NOT NULL,
    "status" "outcome_status" NOT NULL,
    "trace" JSONB NOT NULL,
    "windowClosesAt" TIMESTAMPTZ(3) NOT NULL,
    "finalizedAt" TIMESTAMPTZ(3),
    "evaluatedAt" TIMESTAMPTZ(3) NOT NULL,
    "eventCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ingest_event" (
    "id" UUID NOT NULL,
    "eventId" TEXT NOT NULL,
    "originalEventId" TEXT NOT NULL,
    "kind" "ingest_event_kind" NOT NULL DEFAULT 'original',
    "contentHash" CHAR(64) NOT NULL,
    "customerId" UUID NOT NULL,
    "attemptId" UUID NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attributes" JSONB NOT NULL,
    "evidence" JSONB NOT NULL,
    "costAmount" DECIMAL(20,10),
    "costCurrency" CHAR(3),
    "aiShare" DECIMAL(5,4),
    "apiKeyId" UUID,
    "supersededAt" TIMESTAMPTZ(3),
    "supersededBy" TEXT,
    "voidReason" TEXT,

    CONSTRAINT "ingest_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_key_prefix_key" ON "api_key"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "api_key_secretHash_key" ON "api_key"("secretHash");

-- CreateIndex
CREATE UNIQUE INDEX "outcome_definition_key_key" ON "outcome_definition"("key");

-- CreateIndex
CREATE INDEX "definition_version_by_effective_from" ON "definition_version"("definitionId", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "definition_version_definitionId_number_key" ON "definition_version"("definitionId", "number");

-- CreateIndex
CREATE INDEX "attempt_by_customer_time" ON "attempt"("customerId", "occurredAt" DESC, "id");

-- CreateIndex
CREATE UNIQUE INDEX "attempt_by_subject" ON "attempt"("customerId", "definitionId", "subject");

-- CreateIndex
CREATE UNIQUE INDEX "ingest_event_eventId_key" ON "ingest_event"("eventId");

-- CreateIndex
CREATE INDEX "ingest_event_by_attempt" ON "ingest_event"("attemptId", "occurredAt");

-- CreateIndex
CREATE INDEX "ingest_event_by_original" ON "ingest_event"("originalEventId");

-- AddForeignKey
ALTER TABLE "definition_version" ADD CONSTRAINT "definition_version_definitionId_fkey" FOREIGN KEY ("definitionId") REFERENCES "outcome_definition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attempt" ADD CONSTRAINT "attempt_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attempt" ADD CONSTRAINT "attempt_definitionId_fkey" FOREIGN KEY ("definitionId") REFERENCES "outcome_definition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attempt" ADD CONSTRAINT "attempt_definitionVersionId_fkey" FOREIGN KEY ("definitionVersionId") REFERENCES "definition_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
-- The scheduler's query: pending attempts whose observation window has closed.
CREATE INDEX "attempt_pending_by_window" ON "attempt" ("windowClosesAt") WHERE "status" = 'pending';

-- A published definition version is immutable: only its retirement may be recorded.
CREATE FUNCTION definition_version_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."status" <> 'draft' THEN
      RAISE EXCEPTION 'definition version % is published and cannot be deleted', OLD."id";
    END IF;
    RETURN OLD;
  END IF;
  IF OLD."status" <> 'draft' AND (
       NEW."criteria" IS DISTINCT FROM OLD."criteria"
    OR NEW."observationWindowHours" IS DISTINCT FROM OLD."observationWindowHours"
    OR NEW."defaultUnitPrice" IS DISTINCT FROM OLD."defaultUnitPrice"
    OR NEW."effectiveFrom" IS DISTINCT FROM OLD."effectiveFrom"
    OR NEW."number" IS DISTINCT FROM OLD."number"
    OR NEW."definitionId" IS DISTINCT FROM OLD."definitionId"
    OR NEW."publishedAt" IS DISTINCT FROM OLD."publishedAt"
    OR (OLD."status" = 'retired' AND NEW."status" <> 'retired')
    OR NEW."status" = 'draft'
  ) THEN
    RAISE EXCEPTION 'definition version % is published and immutable', OLD."id";
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER definition_version_immutable
  BEFORE UPDATE OR DELETE ON "definition_version"
  FOR EACH ROW EXECUTE FUNCTION definition_version_refuse_change();
