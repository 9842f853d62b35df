-- An attempt's cost is the sum of its active events' costs, each numeric(20, 10): two large
-- costs for one subject overflowed the sum and failed their whole batch with a 500. Raising
-- the precision with the same scale does not rewrite the table.

-- AlterTable
ALTER TABLE "attempt" ALTER COLUMN "costAmount" SET DATA TYPE DECIMAL(30,10);
