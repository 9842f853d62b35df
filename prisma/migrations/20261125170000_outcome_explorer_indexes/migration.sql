-- The outcomes explorer's subject search is a prefix match (LIKE 'abc%'): text_pattern_ops
-- lets it seek the index whatever the database collation. (Written as a partial index whose
-- predicate always holds: Prisma's diff cannot compare raw operator classes and would keep
-- proposing to recreate it; a LIKE on the column implies the predicate, so the planner uses it.)
CREATE INDEX "attempt_by_customer_subject" ON "attempt"("customerId", "subject" text_pattern_ops)
  WHERE "subject" IS NOT NULL;

-- Counting from the usage rollup misses attempts whose every event was voided (eventCount 0);
-- the explorer adds them from this small partial index.
CREATE INDEX "attempt_voided_by_customer_time" ON "attempt"("customerId", "occurredAt") WHERE "eventCount" = 0;
