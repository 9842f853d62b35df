// What the customer owes and what is coming, for the top of the dashboard: the last finalized
// invoice (amount due, due date), then each period still open — last month while its grace
// days run, and this month — with its draft total and its pending outcomes: how many, and
// when their observation windows close. At the start of a month most outcomes are pending,
// and the dashboard says so instead of reading their absence as a fall in spending.
import { canSeeCustomer, customerScopeOf } from "@/domain/access/customer-scope";
import type { Actor } from "@/domain/actor";
import {
  amountDueMinor,
  DEFAULT_PAYMENT_TERMS_DAYS,
  finalizesAt,
  paymentDueAt,
} from "@/domain/invoicing/account-status";
import { nextPeriodStart, periodStartOf } from "@/domain/invoicing/periods";
import { sumMinor } from "@/domain/money";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { contractInForce } from "@/server/services/contracts/find-contract";
import { computeInvoice } from "@/server/services/invoicing/compute-invoice";

export interface OpenPeriod {
  periodStart: Date;
  periodEnd: Date;
  /** The draft invoice's id once its row exists (the page links to it). */
  invoiceId: string | null;
  /** The draft's total as it stands; null when no contract is in force (nothing is billed). */
  totalMinor: bigint | null;
  finalizesAt: Date | null;
  pending: { count: number; windowsCloseFrom: Date | null; windowsCloseBy: Date | null };
}

export interface AccountStatus {
  currency: string;
  asOf: Date;
  lastInvoice: {
    id: string;
    number: string;
    periodStart: Date;
    totalMinor: bigint;
    creditNotesMinor: bigint;
    dueMinor: bigint;
    finalizedAt: Date;
    dueAt: Date;
    paymentTermsDays: number;
  } | null;
  /** Oldest first. */
  openPeriods: OpenPeriod[];
}

export async function loadAccountStatus({
  actor,
  customerId,
  now = clock.now(),
}: {
  actor: Actor;
  customerId: string;
  now?: Date;
}): Promise<AccountStatus> {
  if (!canSeeCustomer(customerScopeOf(actor), customerId)) throw AppError.notFound("The customer");
  const customer = await db().customer.findUnique({ where: { id: customerId }, select: { currency: true } });
  if (!customer) throw AppError.notFound("The customer");
  const current = periodStartOf(now);
  const previous = periodStartOf(new Date(current.getTime() - 1));
  const [last, drafts] = await Promise.all([
    db().invoice.findFirst({
      where: { customerId, status: "finalized" },
      orderBy: { periodStart: "desc" },
      select: {
        id: true,
        number: true,
        periodStart: true,
        totalMinor: true,
        finalizedAt: true,
        creditNotes: { select: { amountMinor: true } },
      },
    }),
    db().invoice.findMany({
      where: { customerId, periodStart: { in: [previous, current] } },
      select: { id: true, periodStart: true, status: true },
    }),
  ]);
  const invoiceOf = (periodStart: Date) => drafts.find((d) => d.periodStart.getTime() === periodStart.getTime());
  const open = [previous, current].filter((p) => invoiceOf(p)?.status !== "finalized");
  const openPeriods = await Promise.all(
    open.map((periodStart) => loadOpenPeriod(customerId, periodStart, invoiceOf(periodStart)?.id ?? null)),
  );
  return {
    currency: customer.currency,
    asOf: now,
    lastInvoice:
      last?.number && last.totalMinor !== null && last.finalizedAt
        ? {
            id: last.id,
            number: last.number,
            periodStart: last.periodStart,
            totalMinor: last.totalMinor,
            creditNotesMinor: sumMinor(last.creditNotes.map((c) => c.amountMinor)),
            dueMinor: amountDueMinor(last.totalMinor, sumMinor(last.creditNotes.map((c) => c.amountMinor))),
            finalizedAt: last.finalizedAt,
            dueAt: paymentDueAt(last.finalizedAt),
            paymentTermsDays: DEFAULT_PAYMENT_TERMS_DAYS,
          }
        : null,
    // Last month appears only while it has a contract: a period with nothing billed is not coming.
    openPeriods: openPeriods.filter((p) => p.totalMinor !== null || p.periodStart.getTime() === current.getTime()),
  };
}

async function loadOpenPeriod(customerId: string, periodStart: Date, invoiceId: string | null): Promise<OpenPeriod> {
  const periodEnd = nextPeriodStart(periodStart);
  const [contract, pending] = await Promise.all([
    contractInForce(customerId, periodStart),
    db().attempt.aggregate({
      where: { customerId, status: "pending", occurredAt: { gte: periodStart, lt: periodEnd } },
      _count: { _all: true },
      _min: { windowClosesAt: true },
      _max: { windowClosesAt: true },
    }),
  ]);
  const draft = contract ? await computeInvoice(customerId, periodStart, db(), contract) : null;
  return {
    periodStart,
    periodEnd,
    invoiceId,
    totalMinor: draft?.totalMinor ?? null,
    finalizesAt: contract ? finalizesAt(periodEnd, contract.graceDays) : null,
    pending: {
      count: pending._count._all,
      windowsCloseFrom: pending._min.windowClosesAt,
      windowsCloseBy: pending._max.windowClosesAt,
    },
  };
}
