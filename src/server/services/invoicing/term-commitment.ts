// A commitment over several periods (issue #15, shape 9), as the invoices of its term count it:
// what each finalized invoice counted (its lines, frozen), plus the period being computed; the
// term's last invoice carries the true-up. The rules are the domain's (commitment.ts).
import { periodLabel } from "@/domain/invoicing/periods";
import { formatMoney, toMinorUnits } from "@/domain/money";
import {
  commitmentStatus,
  countedMinor,
  type TermCommitment,
  termPeriods,
  trueUpMinor,
} from "@/domain/rating/commitment";
import { adjustmentLine, type RatedLine } from "@/domain/rating/contract-terms";
import type { Contract } from "@/generated/prisma/client";
import type { Tx } from "@/server/db";

export const termCommitmentOf = (contract: Pick<Contract, "termCommitment">) =>
  (contract.termCommitment as TermCommitment | null) ?? null;

/** What the finalized invoices of the term before `periodStart` counted toward it, per period. */
async function countedBefore(tx: Tx, customerId: string, commitment: TermCommitment, periodStart: Date) {
  const periods = termPeriods(commitment).filter((p) => p < periodStart);
  if (periods.length === 0) return [];
  const invoices = await tx.invoice.findMany({
    where: { customerId, status: "finalized", periodStart: { in: periods } },
    select: { periodStart: true, lines: { select: { kind: true, amountMinor: true } } },
    orderBy: { periodStart: "asc" },
  });
  return invoices.map((i) => countedMinor(i.lines));
}

/** On the term's last invoice, the true-up for any shortfall; else nothing. */
export async function commitmentTrueUp(
  tx: Tx,
  customerId: string,
  periodStart: Date,
  contract: Contract,
  lines: readonly RatedLine[],
): Promise<RatedLine[]> {
  const commitment = termCommitmentOf(contract);
  if (!commitment) return [];
  const periods = termPeriods(commitment);
  if (periods.at(-1)?.getTime() !== periodStart.getTime()) return [];
  const committedMinor = toMinorUnits(commitment.amount, contract.currency);
  const consumed = [...(await countedBefore(tx, customerId, commitment, periodStart)), countedMinor(lines)];
  const consumedMinor = consumed.reduce((s, c) => s + c, 0n);
  const amountMinor = trueUpMinor(committedMinor, consumedMinor);
  if (amountMinor === 0n) return [];
  const money = (minor: bigint) => formatMoney(minor, contract.currency);
  return [
    adjustmentLine(
      "commitment_true_up",
      `Commitment true-up: ${money(committedMinor)} committed over ${commitment.months} months (${periodLabel(periods[0]!)} – ${periodLabel(periodStart)}), ${money(consumedMinor)} counted toward it`,
      amountMinor,
    ),
  ];
}

/**
 * Where the commitment in force stands at `periodStart` (a period of its term): committed,
 * consumed so far (finalized invoices of the term and this period's `lines`), remaining, months
 * left and the shortfall if the pace holds. Null without a commitment covering the period.
 */
export async function commitmentStanding(
  tx: Tx,
  customerId: string,
  periodStart: Date,
  contract: Contract,
  lines: readonly { kind: string; amountMinor: bigint }[],
  now: Date,
) {
  const commitment = termCommitmentOf(contract);
  if (!commitment) return null;
  const periods = termPeriods(commitment);
  const index = periods.findIndex((p) => p.getTime() === periodStart.getTime());
  if (index < 0) return null;
  const end = periods[index + 1] ?? new Date(Date.UTC(periodStart.getUTCFullYear(), periodStart.getUTCMonth() + 1, 1));
  const days = Math.round((end.getTime() - periodStart.getTime()) / 86_400_000);
  const elapsed = Math.min(days, Math.max(1, Math.ceil((now.getTime() - periodStart.getTime()) / 86_400_000)));
  const consumed = [...(await countedBefore(tx, customerId, commitment, periodStart)), countedMinor(lines)];
  return {
    ...commitment,
    currency: contract.currency,
    firstPeriod: periods[0]!,
    lastPeriod: periods.at(-1)!,
    ...commitmentStatus({
      committedMinor: toMinorUnits(commitment.amount, contract.currency),
      consumed,
      months: commitment.months,
      currentIndex: index,
      currentDays: { elapsed, of: days },
    }),
  };
}
