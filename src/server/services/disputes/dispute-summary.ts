// The dashboard's disputes figures for one customer: what is open, what is at stake, and what
// decisions have credited, on this period's draft and overall. Sums run in SQL.
import { periodStartOf } from "@/domain/invoicing/periods";
import { clock } from "@/server/clock";
import { db } from "@/server/db";

export async function summarizeDisputes({ customerId, now = clock.now() }: { customerId: string; now?: Date }) {
  const periodStart = periodStartOf(now);
  const [customer, open, underDispute, onDraft, overall] = await Promise.all([
    db().customer.findUniqueOrThrow({ where: { id: customerId }, select: { currency: true } }),
    db().dispute.count({ where: { customerId, status: "open" } }),
    db().disputedOutcome.aggregate({
      where: { customerId, state: "undecided" },
      _count: { _all: true },
      _sum: { atStakeMinor: true },
    }),
    // Credits on this period's draft: decided, not yet settled by a credit note.
    db().disputedOutcome.aggregate({
      where: { customerId, periodStart, creditNoteId: null, creditShare: { gt: 0 } },
      _count: { _all: true },
      _sum: { creditMinor: true },
    }),
    db().dispute.aggregate({ where: { customerId }, _count: { _all: true }, _sum: { creditedMinor: true } }),
  ]);
  return {
    currency: customer.currency,
    periodStart,
    openDisputes: open,
    totalDisputes: overall._count._all,
    outcomesUnderDispute: underDispute._count._all,
    atStakeMinor: underDispute._sum.atStakeMinor ?? 0n,
    creditedThisPeriod: { outcomes: onDraft._count._all, amountMinor: onDraft._sum.creditMinor ?? 0n },
    creditedOverallMinor: overall._sum.creditedMinor ?? 0n,
  };
}
