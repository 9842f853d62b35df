// An invoice as it stands: the period's usage rated under the contract version(s) in force
// during it (each version its own days when one starts mid-month), plus late items from
// finalized periods. Drafts are always computed this way (live);
// finalization writes exactly this and freezes it.

import { creditLineMinor } from "@/domain/disputes/dispute-credit";
import { nextPeriodStart } from "@/domain/invoicing/periods";
import { sumMinor } from "@/domain/money";
import { adjustmentLine, type RatedLine } from "@/domain/rating/contract-terms";
import { ratePeriod } from "@/domain/rating/rate-period";
import type { Contract } from "@/generated/prisma/client";
import { db, type Tx } from "@/server/db";
import { termsOf } from "@/server/services/contracts/find-contract";
import { type PeriodContracts, requireContractsOfPeriod } from "@/server/services/contracts/period-contracts";
import { creditedKey, creditedShares } from "@/server/services/disputes/credit-context";
import { type LateItems, lateItems } from "./late-items";
import { definitionsAt, partCounts, partUsageOf, periodCounts, usageOf } from "./period-usage";
import { commitmentTrueUp } from "./term-commitment";

export type InvoiceLineDraft = RatedLine & { definitionId: string | null; sourcePeriodStart: Date | null };

export interface ComputedInvoice {
  customerId: string;
  periodStart: Date;
  periodEnd: Date;
  currency: string;
  contract: Contract;
  lines: InvoiceLineDraft[];
  totalMinor: bigint;
  /** Attempts still in their observation window: not billable yet, counted as attempts. */
  pending: number;
  late: LateItems;
}

export async function computeInvoice(
  customerId: string,
  periodStart: Date,
  tx: Tx = db(),
  contractOverride?: Contract,
): Promise<ComputedInvoice> {
  const inForce: PeriodContracts = contractOverride
    ? { contract: contractOverride, terms: termsOf(contractOverride, periodStart), parts: [], split: false }
    : await requireContractsOfPeriod(customerId, periodStart, tx);
  const { contract, terms, split } = inForce;
  const parts = split ? inForce.parts : undefined;
  const [counts, definitions, late, credited] = await Promise.all([
    parts ? partCounts(tx, customerId, parts) : periodCounts(tx, customerId, periodStart),
    definitionsAt(tx, periodStart),
    lateItems(tx, customerId, periodStart),
    draftCredits(tx, customerId, periodStart, parts),
  ]);
  const idByKey = new Map([...definitions.values()].map((d) => [d.key, d.id]));
  const usage = parts
    ? partUsageOf(counts as Awaited<ReturnType<typeof partCounts>>, definitions)
    : usageOf(counts, definitions);
  const rated = ratePeriod(terms, usage);
  const trueUp = await commitmentTrueUp(tx, customerId, periodStart, contract, rated.lines);
  // Rule 5: the credits are the period as charged minus the period without the credited shares,
  // computed exactly and rounded once, on this line (what the credited outcomes show adds up to it).
  const creditLines: InvoiceLineDraft[] = [];
  if (credited.outcomes > 0) {
    const shares = new Map(credited.rows.map((r) => [creditedKey(r, definitions), r.share]));
    const amountMinor = -creditLineMinor(terms, usage, shares);
    creditLines.push({
      ...adjustmentLine(
        "dispute_credit",
        `Dispute credits: ${credited.outcomes} ${credited.outcomes === 1 ? "outcome" : "outcomes"} in ${credited.disputes} ${credited.disputes === 1 ? "dispute" : "disputes"}`,
        amountMinor,
      ),
      definitionId: null,
      sourcePeriodStart: null,
    });
  }
  const lines: InvoiceLineDraft[] = [
    ...[...rated.lines, ...trueUp].map((l) => ({
      ...l,
      definitionId: l.definitionKey ? (idByKey.get(l.definitionKey) ?? null) : null,
      sourcePeriodStart: null,
    })),
    ...creditLines,
    ...late.lines.map((l) => ({ ...l, definitionId: null })),
  ];
  return {
    customerId,
    periodStart,
    periodEnd: nextPeriodStart(periodStart),
    currency: contract.currency,
    contract,
    lines,
    totalMinor: sumMinor(lines.map((l) => l.amountMinor)),
    pending: counts.reduce((s, c) => s + c.pending, 0),
    late,
  };
}

/** The shares decisions credited on this period's draft, and how many outcomes and disputes they are. */
async function draftCredits(tx: Tx, customerId: string, periodStart: Date, parts?: PeriodContracts["parts"]) {
  const rows = await creditedShares(tx, customerId, periodStart, "draft", parts);
  if (rows.length === 0) return { rows, outcomes: 0, disputes: 0 };
  const [counted] = await tx.$queryRaw<{ outcomes: number; disputes: number }[]>`
    SELECT count(*)::int AS "outcomes", count(DISTINCT o."disputeId")::int AS "disputes"
    FROM disputed_outcome o JOIN attempt a ON a."id" = o."attemptId"
    WHERE o."customerId" = ${customerId}::uuid AND o."periodStart" = ${periodStart} AND o."creditShare" > 0
      AND a."status" = 'billable' AND a."eventCount" > 0`;
  return { rows, outcomes: counted?.outcomes ?? 0, disputes: counted?.disputes ?? 0 };
}
