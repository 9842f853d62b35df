// What the customer owes and what is coming, for the top of the dashboard: the last finalized
// invoice (amount due, due date), then each period still open — last month while its grace
// days run, and this month — with its draft total and its pending outcomes: how many, and
// when their observation windows close. At the start of a month most outcomes are pending,
// and the dashboard says so instead of reading their absence as a fall in spending.

import { canSeeCustomer, customerScopeOf } from "@/domain/access/customer-scope";
import type { Actor } from "@/domain/actor";
import {
  DEFAULT_PAYMENT_TERMS_DAYS,
  invoiceDates,
  outstandingMinor,
  type PaymentStatus,
  paymentStatus,
} from "@/domain/invoicing/payment-terms";
import { nextPeriodStart, periodStartOf } from "@/domain/invoicing/periods";
import { sumMinor } from "@/domain/money";
import { walletAppliedMinor } from "@/domain/wallet/wallet";
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
  /** The customer's IANA zone: instants are shown in it, as on the invoice. */
  timeZone: string;
  asOf: Date;
  lastInvoice: {
    id: string;
    number: string;
    periodStart: Date;
    totalMinor: bigint;
    creditNotesMinor: bigint;
    /** Payments recorded against it. */
    paidMinor: bigint;
    /** Paid from prepaid credits (what still pays it after credit notes). */
    walletDrawnMinor: bigint;
    /** What remains to pay: total less credit notes less prepaid credits less payments (never negative). */
    dueMinor: bigint;
    finalizedAt: Date;
    dueAt: Date;
    paymentTermsDays: number;
    paymentStatus: PaymentStatus;
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
  const customer = await db().customer.findUnique({
    where: { id: customerId },
    select: { currency: true, timezone: true },
  });
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
        contractId: true,
        creditNotes: { select: { amountMinor: true } },
        payments: { select: { amountMinor: true } },
        walletDrawnMinor: true,
        voided: { select: { invoiceId: true } },
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
    timeZone: customer.timezone,
    asOf: now,
    lastInvoice:
      last?.number && last.totalMinor !== null && last.finalizedAt ? await lastInvoiceStatus(last, now) : null,
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
    finalizesAt: contract ? invoiceDates({ periodStart, finalizedAt: null }, contract).finalizesAt : null,
    pending: {
      count: pending._count._all,
      windowsCloseFrom: pending._min.windowClosesAt,
      windowsCloseBy: pending._max.windowClosesAt,
    },
  };
}

/** The last finalized invoice as the invoice page books it: the contract's terms, its credit notes and payments. */
async function lastInvoiceStatus(
  last: {
    id: string;
    number: string | null;
    periodStart: Date;
    totalMinor: bigint | null;
    finalizedAt: Date | null;
    contractId: string | null;
    creditNotes: { amountMinor: bigint }[];
    payments: { amountMinor: bigint }[];
    walletDrawnMinor: bigint;
    voided: unknown;
  },
  now: Date,
): Promise<NonNullable<AccountStatus["lastInvoice"]>> {
  const contract = last.contractId
    ? await db().contract.findUnique({
        where: { id: last.contractId },
        select: { paymentTermsDays: true, disputeWindowDays: true, graceDays: true },
      })
    : null;
  const terms = contract ?? { paymentTermsDays: DEFAULT_PAYMENT_TERMS_DAYS, disputeWindowDays: 0, graceDays: 0 };
  const { dueAt } = invoiceDates(last, terms);
  const creditNotesMinor = sumMinor(last.creditNotes.map((c) => c.amountMinor));
  const paidMinor = sumMinor(last.payments.map((p) => p.amountMinor));
  // What prepaid credits paid counts like a payment (paymentFacts says the same on the invoice).
  const walletDrawnMinor = walletAppliedMinor(last.walletDrawnMinor, last.totalMinor! - creditNotesMinor);
  const netDueMinor = last.totalMinor! - creditNotesMinor - walletDrawnMinor;
  return {
    id: last.id,
    number: last.number!,
    periodStart: last.periodStart,
    totalMinor: last.totalMinor!,
    creditNotesMinor,
    paidMinor,
    walletDrawnMinor,
    dueMinor: outstandingMinor(netDueMinor, paidMinor),
    finalizedAt: last.finalizedAt!,
    dueAt: dueAt!,
    paymentTermsDays: terms.paymentTermsDays,
    paymentStatus: paymentStatus({
      finalized: true,
      voided: last.voided !== null,
      netDueMinor,
      paidMinor,
      dueAt,
      now,
    })!,
  };
}
