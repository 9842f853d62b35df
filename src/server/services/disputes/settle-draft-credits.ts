// When a draft invoice is finalized, its "Dispute credits" line becomes final, and so do the
// per-outcome credits behind it: while the invoice was a draft, more outcomes could arrive (a
// new tier, the cap), so each decided outcome is priced again, in the order the decisions were
// made, against the period as finally charged. The amounts add up exactly to the line.
import { priceCredits } from "@/domain/disputes/dispute-credit";
import type { Tx } from "@/server/db";
import { draftCreditClaims, keyedClaims, periodCreditContext } from "./credit-context";

export async function settleDraftDisputeCredits(
  tx: Tx,
  { invoiceId, customerId, periodStart }: { invoiceId: string; customerId: string; periodStart: Date },
): Promise<bigint> {
  const claims = await draftCreditClaims(tx, customerId, invoiceId);
  if (claims.length === 0) return 0n;
  const context = await periodCreditContext(tx, customerId, periodStart, false);
  const priced = priceCredits(
    context.terms,
    context.usage,
    new Map(),
    keyedClaims(
      context,
      claims.filter((c) => c.charged),
    ),
  );
  await writeOutcomeCredits(tx, new Map(claims.map((c) => [c.id, priced.perClaim.get(c.id) ?? 0n])));
  return priced.totalMinor;
}

/**
 * Writes what each disputed outcome shows as credited, and brings its decision's and its
 * dispute's totals in step (they are sums of their outcomes).
 */
export async function writeOutcomeCredits(tx: Tx, credits: ReadonlyMap<string, bigint>): Promise<void> {
  if (credits.size === 0) return;
  const ids = [...credits.keys()];
  const minor = ids.map((id) => credits.get(id)!.toString());
  // The ids as a plain list too: an index condition under row-level security (ARCHITECTURE.md).
  const touched = await tx.$queryRaw<{ decisionId: string | null; disputeId: string }[]>`
    UPDATE disputed_outcome o SET "creditMinor" = r."minor"::bigint
    FROM unnest(${ids}::text[], ${minor}::text[]) AS r("id", "minor")
    WHERE o."id" = ANY(${ids}::text[]::uuid[]) AND o."id" = r."id"::uuid
    RETURNING o."decisionId", o."disputeId"`;
  const decisionIds = [...new Set(touched.flatMap((t) => (t.decisionId ? [t.decisionId] : [])))];
  const disputeIds = [...new Set(touched.map((t) => t.disputeId))];
  await tx.$executeRaw`
    UPDATE dispute_decision x SET "creditMinor" = (SELECT coalesce(sum(o."creditMinor"), 0) FROM disputed_outcome o WHERE o."decisionId" = x."id")
    WHERE x."id" = ANY(${decisionIds}::text[]::uuid[])`;
  await tx.$executeRaw`
    UPDATE dispute s SET "creditedMinor" = (SELECT coalesce(sum(x."creditMinor"), 0) FROM dispute_decision x WHERE x."disputeId" = s."id")
    WHERE s."id" = ANY(${disputeIds}::text[]::uuid[])`;
}
