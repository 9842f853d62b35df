// The scheduler's sweep: every grant whose expiry has come and of which something remains gets
// an expiry entry for that remainder, and its remaining drops to 0. Draws already refuse an
// expired grant by the clock (the sweep only writes down what the clock decided), so a late or
// missed sweep never lets expired credits pay. Safe on several instances: each grant is locked
// with SKIP LOCKED, and one expiry per grant is unique in the database.
import type { Actor } from "@/domain/actor";
import { actorLabel } from "@/domain/actor";
import { formatMoney } from "@/domain/money";
import { clock } from "@/server/clock";
import { transaction } from "@/server/db";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";

const sweeper: Actor = { kind: "system", job: "expire-wallet-credits" };

export async function expireWalletGrants({ now = clock.now(), limit = 500 } = {}): Promise<{ expired: number }> {
  return transaction(async (tx) => {
    const due = await tx.$queryRaw<
      { id: string; customerId: string; currency: string; remainingMinor: bigint; expiresAt: Date }[]
    >`
      SELECT "id", "customerId", "currency", "remainingMinor", "expiresAt" FROM wallet_grant
      WHERE "remainingMinor" > 0 AND "expiresAt" <= ${now}
      ORDER BY "expiresAt", "id" LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
    for (const grant of due) {
      await tx.$executeRaw`UPDATE wallet_grant SET "remainingMinor" = 0 WHERE "id" = ${grant.id}::uuid`;
      await tx.walletEntry.create({
        data: {
          customerId: grant.customerId,
          grantId: grant.id,
          kind: "expiry",
          amountMinor: -grant.remainingMinor,
          at: grant.expiresAt,
          recordedBy: actorLabel(sweeper),
        },
      });
      await appendAuditEntry(tx, {
        actor: sweeper,
        action: "wallet.expired",
        subjectType: "wallet_grant",
        subjectId: grant.id,
        customerId: grant.customerId,
        after: {
          amountMinor: grant.remainingMinor,
          currency: grant.currency,
          expiresAt: grant.expiresAt,
          amount: formatMoney(grant.remainingMinor, grant.currency),
        },
      });
    }
    return { expired: due.length };
  });
}
