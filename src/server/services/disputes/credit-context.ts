// What pricing a dispute credit needs for one billing period: the contract's terms, the
// period's usage as charged, and the shares earlier decisions already took off it. A draft is
// charged as it stands (the usage rollup); a finalized period as it was billed (billed usage,
// including late items billed since). The pricing itself is the domain's (`priceCredits`,
// `decideCredits`); this file only loads.
import type { InvoiceToCredit } from "@/domain/disputes/decide-credits";
import type { CreditClaim } from "@/domain/disputes/dispute-credit";
import { priceCredits } from "@/domain/disputes/dispute-credit";
import { periodLabel } from "@/domain/invoicing/periods";
import { Dec } from "@/domain/money";
import type { ContractTerms, DefinitionUsage } from "@/domain/rating/contract-terms";
import { partKey } from "@/domain/rating/proration";
import type { Tx } from "@/server/db";
import { partAt, requireContractsOfPeriod } from "@/server/services/contracts/period-contracts";
import { lockFinalizedInvoice } from "@/server/services/invoicing/issue-credit-note";
import {
  billedPartCounts,
  type DefinitionInfo,
  definitionsAt,
  partCounts,
  partUsageOf,
  periodCounts,
  usageOf,
} from "@/server/services/invoicing/period-usage";

export interface PeriodCreditContext {
  periodStart: Date;
  terms: ContractTerms;
  definitions: Map<string, DefinitionInfo>;
  usage: DefinitionUsage[];
  /** Billable shares already credited, per usage key. */
  credited: Map<string, string>;
  /**
   * The usage key a claim on an outcome comes off: its definition's key, or in a period two
   * contract versions share, that key with the version in force when the outcome happened.
   */
  claimKey: (definitionKey: string, occurredAt: Date) => string;
}

export async function periodCreditContext(
  tx: Tx,
  customerId: string,
  periodStart: Date,
  finalized: boolean,
): Promise<PeriodCreditContext> {
  const inForce = await requireContractsOfPeriod(customerId, periodStart, tx);
  const parts = inForce.split ? inForce.parts : undefined;
  const [definitions, credited] = await Promise.all([
    definitionsAt(tx, periodStart),
    creditedShares(tx, customerId, periodStart, finalized ? "billed" : "draft", parts),
  ]);
  let usage: DefinitionUsage[];
  if (parts) {
    const counts = finalized ? billedPartCounts(tx, customerId, parts) : partCounts(tx, customerId, parts);
    usage = partUsageOf(await counts, definitions);
  } else {
    const counts = finalized
      ? await tx.billedUsage.findMany({ where: { customerId, periodStart } })
      : await periodCounts(tx, customerId, periodStart);
    usage = usageOf(counts, definitions);
  }
  return {
    periodStart,
    terms: inForce.terms,
    definitions,
    usage,
    credited: new Map(credited.map((c) => [creditedKey(c, definitions), c.share] as const)),
    claimKey: (definitionKey, occurredAt) => {
      if (!parts) return definitionKey;
      const part = partAt(parts, occurredAt) ?? parts[0]!;
      return partKey(definitionKey, part.version);
    },
  };
}

/** Claims keyed as the period's usage is (`claimKey`). */
export function keyedClaims<C extends { definitionKey: string; occurredAt: Date }>(
  context: Pick<PeriodCreditContext, "claimKey">,
  claims: readonly C[],
): C[] {
  return claims.map((c) => ({ ...c, definitionKey: context.claimKey(c.definitionKey, c.occurredAt) }));
}

/**
 * The shares credited so far in a period, per definition. On a draft only outcomes that are
 * still billable count (one that stopped being billable is no longer charged, so its credit
 * would otherwise be taken twice); on a finalized period those billed as billable.
 */
// Disputed outcomes join their attempt by primary key only: the customer is already fixed by the
// disputed outcome, and naming it in the join lets a planner with stale statistics scan the
// customer's attempts once per disputed outcome (seen: 130 s for 10,000 outcomes).
export async function creditedShares(
  tx: Tx,
  customerId: string,
  periodStart: Date,
  mode: "draft" | "billed",
  parts?: readonly { version: number; from: Date; to: Date }[],
): Promise<{ definitionId: string; share: string; version?: number }[]> {
  const rows = await tx.$queryRaw<{ definitionId: string; share: string; day: Date }[]>`
    SELECT d."definitionId", sum(d."creditShare")::text AS "share",
      CASE WHEN ${parts !== undefined}::boolean THEN (a."occurredAt" AT TIME ZONE 'UTC')::date END AS "day"
    FROM disputed_outcome d JOIN attempt a ON a."id" = d."attemptId"
    WHERE d."customerId" = ${customerId}::uuid AND d."periodStart" = ${periodStart} AND d."creditShare" > 0
      AND (${mode} <> 'billed' OR a."billedStatus" = 'billable')
      AND (${mode} = 'billed' OR (a."status" = 'billable' AND a."eventCount" > 0))
    GROUP BY 1, 3`;
  if (!parts) return rows.map(({ definitionId, share }) => ({ definitionId, share }));
  // A split period: the shares per definition and the version in force on the outcome's day.
  const perPart = new Map<string, { definitionId: string; share: Dec; version: number }>();
  for (const row of rows) {
    const version = partAt(parts, row.day)?.version ?? parts[0]!.version;
    const key = `${row.definitionId}|${version}`;
    const sum = perPart.get(key) ?? { definitionId: row.definitionId, share: new Dec(0), version };
    perPart.set(key, { ...sum, share: sum.share.plus(row.share) });
  }
  return [...perPart.values()].map((r) => ({ ...r, share: r.share.toFixed() }));
}

/** The usage key a credited share comes off: its definition's, and its version's in a split period. */
export function creditedKey(
  row: { definitionId: string; version?: number },
  definitions: ReadonlyMap<string, DefinitionInfo>,
): string {
  const key = definitions.get(row.definitionId)?.key ?? "";
  return row.version === undefined ? key : partKey(key, row.version);
}

/** The outcomes credited on a draft so far, in decision order, and whether each is still charged. */
export async function draftCreditClaims(
  tx: Tx,
  customerId: string,
  invoiceId: string,
): Promise<(CreditClaim & { charged: boolean; decisionId: string; disputeId: string; occurredAt: Date })[]> {
  return tx.$queryRaw`
    SELECT o."id", d."key" AS "definitionKey", o."creditShare"::text AS "share", o."decisionId", o."disputeId",
      a."occurredAt",
      (a."status" = 'billable' AND a."eventCount" > 0) AS "charged"
    FROM disputed_outcome o
    JOIN attempt a ON a."id" = o."attemptId"
    JOIN outcome_definition d ON d."id" = a."definitionId"
    JOIN dispute_decision x ON x."id" = o."decisionId"
    WHERE o."customerId" = ${customerId}::uuid AND o."invoiceId" = ${invoiceId}::uuid
      AND o."creditShare" > 0 AND o."creditNoteId" IS NULL
    ORDER BY x."decidedAt", a."occurredAt", a."id"`;
}

/**
 * Everything `decideCredits` needs about the invoices a decision credits. Finalized invoices
 * are locked for crediting (two credit notes on one invoice queue here).
 */
export async function loadInvoicesToCredit(
  tx: Tx,
  customerId: string,
  invoiceIds: readonly string[],
): Promise<Map<string, InvoiceToCredit & Pick<PeriodCreditContext, "claimKey">>> {
  const rows = await tx.invoice.findMany({
    where: { id: { in: [...new Set(invoiceIds)] }, customerId },
    orderBy: { periodStart: "asc" },
  });
  const invoices = new Map<string, InvoiceToCredit & Pick<PeriodCreditContext, "claimKey">>();
  for (const row of rows) {
    const finalized = row.status === "finalized";
    const locked = finalized ? await lockFinalizedInvoice(tx, row.id) : null;
    const context = await periodCreditContext(tx, customerId, row.periodStart, finalized);
    invoices.set(row.id, {
      id: row.id,
      status: row.status,
      number: row.number,
      periodLabel: periodLabel(row.periodStart),
      totalMinor: locked?.totalMinor ?? null,
      creditNotesMinor: locked?.creditNotesMinor ?? 0n,
      terms: context.terms,
      usage: context.usage,
      credited: context.credited,
      earlier: finalized ? [] : keyedClaims(context, await draftCreditClaims(tx, customerId, row.id)),
      claimKey: context.claimKey,
    });
  }
  return invoices;
}

export interface PeriodClaim extends CreditClaim {
  periodStart: Date;
  occurredAt: Date;
  finalized: boolean;
}

/**
 * Prices claims that may span several periods (what opening a dispute puts at stake): each
 * period in its own context, claims in the order given. Returns what each claim shows.
 */
export async function priceClaimsByPeriod(tx: Tx, customerId: string, claims: readonly PeriodClaim[]) {
  const groups = new Map<number, PeriodClaim[]>();
  for (const claim of claims) {
    const key = claim.periodStart.getTime();
    const group = groups.get(key) ?? [];
    group.push(claim);
    groups.set(key, group);
  }
  const perClaim = new Map<string, bigint>();
  for (const [time, group] of [...groups.entries()].sort(([a], [b]) => a - b)) {
    const context = await periodCreditContext(tx, customerId, new Date(time), group[0]!.finalized);
    const priced = priceCredits(context.terms, context.usage, context.credited, keyedClaims(context, group));
    for (const [id, minor] of priced.perClaim) perClaim.set(id, minor);
  }
  return { perClaim };
}
