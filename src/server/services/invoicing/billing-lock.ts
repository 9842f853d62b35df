// Finalizing a period must see a customer's usage standing still. Every change to attempts
// (ingestion, corrections, window closing) holds the customer's billing lock shared;
// finalization holds it exclusively. Taken first in each transaction, in customer order,
// so the two can never deadlock.
import type { SqlTx, Tx } from "@/server/db";

export async function holdBillingLocksShared(tx: SqlTx, customerIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(customerIds)].sort();
  if (ids.length === 0) return;
  await tx.$queryRaw`
    SELECT count(pg_advisory_xact_lock_shared(hashtextextended('billing:' || id, 0)))
    FROM unnest(${ids}::text[]) WITH ORDINALITY AS t(id, n)`;
}

export async function holdBillingLockExclusive(tx: Tx, customerId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`billing:${customerId}`}, 0))`;
}
