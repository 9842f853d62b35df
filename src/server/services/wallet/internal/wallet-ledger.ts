// The wallet's writes, shared by every use case that moves money in or out of it. Each writes
// the grant's row and its ledger entry; the caller appends the audit entry in the same
// transaction. Lock order: grants are locked before the audit chain's head (every writer here
// locks grants first), so a draw and an expiry sweep cannot deadlock on each other.
import type { Actor } from "@/domain/actor";
import { actorLabel } from "@/domain/actor";
import { type DrawableGrant, planDraw, type WalletDraw, type WalletGrantKind } from "@/domain/wallet/wallet";
import type { Tx } from "@/server/db";

export interface NewGrant {
  customerId: string;
  currency: string;
  kind: WalletGrantKind;
  amountMinor: bigint;
  expiresAt: Date | null;
  reason: string;
  creditNoteId?: string | null;
  allowancePeriodStart?: Date | null;
}

/** Inserts a grant and its ledger entry; null when the period's allowance was already granted. */
export async function writeGrant(tx: Tx, actor: Actor, grant: NewGrant, now: Date) {
  const by = actorLabel(actor);
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO wallet_grant ("id", "customerId", "currency", "kind", "amountMinor", "remainingMinor", "expiresAt",
      "reason", "grantedAt", "grantedBy", "creditNoteId", "allowancePeriodStart")
    VALUES (gen_random_uuid(), ${grant.customerId}::uuid, ${grant.currency}, ${grant.kind}, ${grant.amountMinor},
      ${grant.amountMinor}, ${grant.expiresAt}, ${grant.reason}, ${now}, ${by}, ${grant.creditNoteId ?? null}::uuid,
      ${grant.allowancePeriodStart ?? null})
    ON CONFLICT DO NOTHING
    RETURNING "id"`;
  if (!row) return null;
  await tx.walletEntry.create({
    data: {
      customerId: grant.customerId,
      grantId: row.id,
      kind: grant.kind,
      amountMinor: grant.amountMinor,
      at: now,
      recordedBy: by,
    },
  });
  return { id: row.id, ...grant };
}

/**
 * Draws up to `dueMinor` for one invoice, oldest expiry first, from the customer's grants in
 * the invoice's currency that have not expired at `now`. The grants are locked first, so a
 * concurrent draw or expiry waits and then sees what this one left; the CHECK on remaining and
 * the unique (invoice, grant) draw are the database's guarantee if a caller ever forgot.
 */
export async function drawForInvoice(
  tx: Tx,
  actor: Actor,
  {
    customerId,
    currency,
    invoiceId,
    dueMinor,
  }: { customerId: string; currency: string; invoiceId: string; dueMinor: bigint },
  now: Date,
): Promise<WalletDraw[]> {
  if (dueMinor <= 0n) return [];
  const grants = await tx.$queryRaw<DrawableGrant[]>`
    SELECT "id", "remainingMinor", "expiresAt", "grantedAt" FROM wallet_grant
    WHERE "customerId" = ${customerId}::uuid AND "currency" = ${currency} AND "remainingMinor" > 0
      AND "grantedAt" <= ${now} AND ("expiresAt" IS NULL OR "expiresAt" > ${now})
    ORDER BY "id" FOR UPDATE`;
  const draws = planDraw(grants, dueMinor, now);
  for (const draw of draws) {
    await tx.$executeRaw`
      UPDATE wallet_grant SET "remainingMinor" = "remainingMinor" - ${draw.amountMinor} WHERE "id" = ${draw.grantId}::uuid`;
  }
  if (draws.length > 0) {
    await tx.walletEntry.createMany({
      data: draws.map((d) => ({
        customerId,
        grantId: d.grantId,
        kind: "draw",
        amountMinor: -d.amountMinor,
        invoiceId,
        at: now,
        recordedBy: actorLabel(actor),
      })),
    });
  }
  return draws;
}
