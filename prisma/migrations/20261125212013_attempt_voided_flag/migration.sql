-- A follow-up event during the observation window (the common case) changes an attempt's
-- eventCount and nothing else that an index covers, but two partial indexes named eventCount
-- in their predicates, so every follow-up rewrote all seven attempt indexes. They now name
-- a `voided` flag, tied to eventCount by a CHECK, which changes only when every event is
-- voided. With room left on each page such updates are HOT: an attempt row with its trace
-- is ~1.7 KB, and at fillfactor 70 or 80 only about half of them found room, at 60 all did.

-- AlterTable
ALTER TABLE "attempt" ADD COLUMN     "voided" BOOLEAN NOT NULL DEFAULT false;

UPDATE "attempt" SET "voided" = true WHERE "eventCount" = 0;
ALTER TABLE "attempt" ADD CONSTRAINT "attempt_voided_means_no_events" CHECK ("voided" = ("eventCount" = 0));

DROP INDEX "attempt_unbilled_changes";
CREATE INDEX "attempt_unbilled_changes" ON "attempt" ("customerId", "occurredAt")
  WHERE "billedStatus" IS DISTINCT FROM "status" OR "voided";

DROP INDEX "attempt_voided_by_customer_time";
CREATE INDEX "attempt_voided_by_customer_time" ON "attempt" ("customerId", "occurredAt") WHERE "voided";

ALTER TABLE "attempt" SET (fillfactor = 60);
