// An invoice as it stands: the period's usage rated under the contract in force at its
// start, plus late items from finalized periods. Drafts are always computed this way (live);
// finalization writes exactly this and freezes it.
import { nextPeriodStart } from "@/domain/invoicing/periods";
import { sumMinor } from "@/domain/money";
import type { RatedLine } from "@/domain/rating/contract-terms";
import { ratePeriod } from "@/domain/rating/rate-period";
import type { Contract } from "@/generated/prisma/client";
import { db, type Tx } from "@/server/db";
import { requireContractInForce, termsOf } from "@/server/services/contracts/find-contract";
import { type LateItems, lateItems } from "./late-items";
import { definitionsAt, periodCounts, usageOf } from "./period-usage";

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
  const contract = contractOverride ?? (await requireContractInForce(customerId, periodStart, tx));
  const [counts, definitions, late] = await Promise.all([
    periodCounts(tx, customerId, periodStart),
    definitionsAt(tx, periodStart),
    lateItems(tx, customerId, periodStart),
  ]);
  const idByKey = new Map([...definitions.values()].map((d) => [d.key, d.id]));
  const rated = ratePeriod(termsOf(contract), usageOf(counts, definitions));
  const lines: InvoiceLineDraft[] = [
    ...rated.lines.map((l) => ({
      ...l,
      definitionId: l.definitionKey ? (idByKey.get(l.definitionKey) ?? null) : null,
      sourcePeriodStart: null,
    })),
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
