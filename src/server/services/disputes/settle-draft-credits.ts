// When a draft invoice is finalized, its "Dispute credits" line becomes final, and so do the
// per-outcome credits behind it: while the invoice was a draft, more outcomes could arrive (a
// new tier, the cap), so each decided outcome is priced again, in the order the decisions were
// made, against the period as finally charged. The amounts add up exactly to the line.
import type { Tx } from "@/server/db";
import { periodCreditContext, priceInContext } from "./credit-context";

export async function settleDraftDisputeCredits(
  tx: Tx,
  { invoiceId, customerId, periodStart }: { invoiceId: string; customerId: string; periodStart: Date },
): Promise<bigint> {
  const items = await tx.$queryRaw<
    { id: string; definitionKey: string; share: string; billable: boolean; decisionId: string; disputeId: string }[]
  >`
    SELECT o."id", d."key" AS "definitionKey", o."creditShare"::text AS "share", o."decisionId", o."disputeId",
      (a."status" = 'billable' AND a."eventCount" > 0) AS "billable"
    FROM disputed_outcome o
    JOIN attempt a ON a."id" = o."attemptId"
    JOIN outcome_definition d ON d."id" = a."definitionId"
    JOIN dispute_decision x ON x."id" = o."decisionId"
    WHERE o."customerId" = ${customerId}::uuid AND o."invoiceId" = ${invoiceId}::uuid
      AND o."creditShare" > 0 AND o."creditNoteId" IS NULL
    ORDER BY x."decidedAt", a."occurredAt", a."id"`;
  if (items.length === 0) return 0n;
  const context = await periodCreditContext(tx, customerId, periodStart, false);
  const priced = priceInContext(
    { ...context, credited: new Map() },
    items.filter((i) => i.billable).map((i) => ({ id: i.id, definitionKey: i.definitionKey, share: i.share })),
  );
  const minor = items.map((i) => (priced.perClaim.get(i.id) ?? 0n).toString());
  // The ids as a plain list too: an index condition under row-level security (ARCHITECTURE.md).
  await tx.$executeRaw`
    UPDATE disputed_outcome o SET "creditMinor" = r."minor"::bigint
    FROM unnest(${items.map((i) => i.id)}::text[], ${minor}::text[]) AS r("id", "minor")
    WHERE o."id" = ANY(${items.map((i) => i.id)}::text[]::uuid[]) AND o."id" = r."id"::uuid`;
  const decisionIds = [...new Set(items.map((i) => i.decisionId))];
  const disputeIds = [...new Set(items.map((i) => i.disputeId))];
  await tx.$executeRaw`
    UPDATE dispute_decision x SET "creditMinor" = (SELECT coalesce(sum(o."creditMinor"), 0) FROM disputed_outcome o WHERE o."decisionId" = x."id")
    WHERE x."id" = ANY(${decisionIds}::text[]::uuid[])`;
  await tx.$executeRaw`
    UPDATE dispute s SET "creditedMinor" = (SELECT coalesce(sum(x."creditMinor"), 0) FROM dispute_decision x WHERE x."disputeId" = s."id")
    WHERE s."id" = ANY(${disputeIds}::text[]::uuid[])`;
  return priced.totalMinor;
}
