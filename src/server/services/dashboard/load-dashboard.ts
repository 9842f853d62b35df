// The CFO dashboard of one customer: month-to-date charges (the live draft), the same point
// of last month, a forecast to month end, the fixed/usage split, success rate and effective
// costs, and six periods of history. Every aggregate is SQL over the rollups and the ledger;
// every amount comes from rating counts with a contract (never from multiplying floats).
import { canSeeCustomer, customerScopeOf } from "@/domain/access/customer-scope";
import type { Actor } from "@/domain/actor";
import { invoiceCredits } from "@/domain/invoicing/credit-notes";
import { nextPeriodStart, periodStartOf } from "@/domain/invoicing/periods";
import { Dec, toMajorUnits, toMinorUnits } from "@/domain/money";
import { INVOICE_LINE_KINDS, type InvoiceLineKind } from "@/domain/rating/contract-terms";
import { ratePeriod } from "@/domain/rating/rate-period";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { contractInForce, termsOf } from "@/server/services/contracts/find-contract";
import { contractsOfPeriod } from "@/server/services/contracts/period-contracts";
import { type ComputedInvoice, computeInvoice } from "@/server/services/invoicing/compute-invoice";
import { definitionsAt, usageOf } from "@/server/services/invoicing/period-usage";
import { type Forecast, forecastPeriod, PACE_WINDOW_DAYS } from "./forecast";
import {
  type Counts,
  countsByDefinition,
  countsByPeriod,
  creditsByPeriod,
  finalizedLinesByPeriod,
  finalizedPeriods,
  paceByDefinition,
} from "./usage-queries";
import { loadValueDelivered, type ValueDelivered } from "./value-delivered";

export const HISTORY_PERIODS = 6;
const DAY_MS = 86_400_000;

export type ChargeKind = InvoiceLineKind;

export interface PeriodHistory extends Counts {
  periodStart: Date;
  periodEnd: Date;
  /** finalized: the written invoice; draft: computed live; none: no contract in force. */
  source: "finalized" | "draft" | "none";
  charges: Record<ChargeKind, bigint>;
  totalMinor: bigint;
  /** Credits of both kinds (`invoiceCredits`): the invoice's dispute credits and its credit notes. */
  creditedMinor: bigint;
  disputeCreditsMinor: bigint;
  creditNotesMinor: bigint;
  creditNotes: number;
  /** billable ÷ (attempts − pending), as an exact decimal string; null when nothing is decided yet. */
  successRate: string | null;
}

export interface Dashboard {
  /** `timezone`: the IANA zone its people read instants in (billing periods stay UTC months). */
  customer: { id: string; name: string; currency: string; timezone: string };
  asOf: Date;
  period: { start: Date; end: Date; dayOfMonth: number; daysInPeriod: number };
  usage: Counts & { successRate: string | null };
  /** null when no contract is in force this period: nothing is billed. */
  billing: {
    currency: string;
    contractVersion: number;
    totalMinor: bigint;
    charges: Record<ChargeKind, bigint>;
    /** Attempt and outcome charges before the cap, which the cap limits. */
    usageBeforeCapMinor: bigint;
    capMinor: bigint | null;
    minimumMinor: bigint | null;
    /** Platform fee plus usage prices: the platform fee's share of the bill matters. */
    hybrid: boolean;
    fixedShare: string | null;
    /** The month-to-date total ÷ billable outcomes or attempts, exact decimals in major units. */
    costPerBillable: string | null;
    costPerAttempt: string | null;
    lastMonth: {
      from: Date;
      to: Date;
      attempts: number;
      billable: number;
      totalMinor: bigint;
      /** This month's total without late items (they belong to other periods). */
      comparableMinor: bigint;
      changePercent: string | null;
    } | null;
    forecast: Forecast & { windowFrom: Date; windowTo: Date };
  } | null;
  history: PeriodHistory[];
  /** What the billable outcomes were worth to the customer against what they were charged. */
  value: ValueDelivered;
}

const noCharges = (): Record<ChargeKind, bigint> =>
  Object.fromEntries(INVOICE_LINE_KINDS.map((k) => [k, 0n])) as Record<ChargeKind, bigint>;

const utcDay = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
const addDays = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);
const addMonths = (periodStart: Date, months: number) =>
  new Date(Date.UTC(periodStart.getUTCFullYear(), periodStart.getUTCMonth() + months, 1));

/** numerator ÷ denominator as an exact decimal string (10 places), null when the denominator is 0. */
export function ratio(numerator: bigint | number | Dec, denominator: bigint | number): string | null {
  if (BigInt(denominator) === 0n) return null;
  return new Dec(numerator.toString()).dividedBy(denominator.toString()).toDecimalPlaces(10).toFixed();
}

const successRateOf = (c: Counts) => ratio(c.billable, c.attempts - c.pending);

export async function loadDashboard({
  actor,
  customerId,
  now = clock.now(),
}: {
  actor: Actor;
  customerId: string;
  now?: Date;
}): Promise<Dashboard> {
  if (!canSeeCustomer(customerScopeOf(actor), customerId)) throw AppError.notFound("The customer");
  const tx = db();
  const customer = await tx.customer.findUnique({
    where: { id: customerId },
    select: { id: true, name: true, currency: true, timezone: true },
  });
  if (!customer) throw AppError.notFound("The customer");

  const start = periodStartOf(now);
  const end = nextPeriodStart(start);
  const first = addMonths(start, 1 - HISTORY_PERIODS);
  const [rollups, inForce] = await Promise.all([
    countsByPeriod(tx, customerId, first, start),
    contractsOfPeriod(customerId, start, tx),
  ]);
  const { attempts = 0, billable = 0, pending = 0 } = rollups.get(start.getTime()) ?? {};
  const usage = { attempts, billable, pending };
  // The live draft, computed once: the month-to-date figures and the last bar of the history.
  // (A month two contract versions share is rated per version, as its invoice is.)
  const draft = inForce ? await computeInvoice(customerId, start, tx) : null;
  const period = {
    start,
    end,
    dayOfMonth: now.getUTCDate(),
    daysInPeriod: Math.round((end.getTime() - start.getTime()) / DAY_MS),
  };

  const history = await loadHistory(customerId, first, rollups, draft);
  return {
    customer,
    asOf: now,
    period,
    usage: { ...usage, successRate: successRateOf(usage) },
    billing: draft ? await loadBilling(draft, now, usage) : null,
    history,
    value: await loadValueDelivered(tx, { customerId, currency: customer.currency, charged: history }),
  };
}

async function loadBilling(draft: ComputedInvoice, now: Date, usage: Counts): Promise<Dashboard["billing"]> {
  const tx = db();
  const { customerId } = draft;
  const start = periodStartOf(now);
  const end = nextPeriodStart(start);
  const today = utcDay(now);
  const windowFrom = addDays(today, -PACE_WINDOW_DAYS);
  const [definitions, monthToDate, pace] = await Promise.all([
    definitionsAt(tx, start),
    countsByDefinition(tx, customerId, start, end),
    paceByDefinition(tx, customerId, windowFrom, today),
  ]);
  const terms = termsOf(draft.contract, start);
  const charges = noCharges();
  for (const line of draft.lines) charges[line.kind] += line.amountMinor;
  const capMinor = terms.monthlyCap === null ? null : toMinorUnits(terms.monthlyCap, draft.currency);
  const minimumMinor = terms.minimumCommitment === null ? null : toMinorUnits(terms.minimumCommitment, draft.currency);
  const hasUsagePrices = terms.attemptFees.length > 0 || terms.outcomePrices.length > 0;

  return {
    currency: draft.currency,
    contractVersion: draft.contract.version,
    totalMinor: draft.totalMinor,
    charges,
    usageBeforeCapMinor: charges.attempts + charges.outcomes,
    capMinor,
    minimumMinor,
    hybrid: charges.platform_fee > 0n && hasUsagePrices,
    fixedShare: ratio(charges.platform_fee, draft.totalMinor),
    costPerBillable: ratio(toMajorUnits(draft.totalMinor, draft.currency), usage.billable),
    costPerAttempt: ratio(toMajorUnits(draft.totalMinor, draft.currency), usage.attempts),
    lastMonth: await samepoint(customerId, now, draft.totalMinor - charges.late_items),
    forecast: {
      ...forecastPeriod({
        terms,
        definitions,
        monthToDate,
        pace,
        remainingDays: (end.getTime() - now.getTime()) / DAY_MS,
        lateMinor: charges.late_items,
      }),
      windowFrom,
      windowTo: today,
    },
  };
}

/** Last month's counts up to the same day of the month (as they stand today), rated with last month's contract. */
async function samepoint(customerId: string, now: Date, comparableMinor: bigint) {
  const tx = db();
  const start = addMonths(periodStartOf(now), -1);
  const contract = await contractInForce(customerId, start, tx);
  if (!contract) return null;
  // Through the same day of the month, today's included; a shorter month ends at its last day.
  const to = new Date(Math.min(addDays(start, now.getUTCDate()).getTime(), nextPeriodStart(start).getTime()));
  const [counts, definitions] = await Promise.all([
    countsByDefinition(tx, customerId, start, to),
    definitionsAt(tx, start),
  ]);
  const rated = ratePeriod(termsOf(contract, start), usageOf(counts, definitions));
  const changePercent =
    rated.totalMinor === 0n
      ? null
      : new Dec((comparableMinor - rated.totalMinor).toString())
          .times(100)
          .dividedBy(rated.totalMinor.toString())
          .toDecimalPlaces(1)
          .toFixed(1);
  return {
    from: start,
    to,
    attempts: counts.reduce((s, c) => s + c.attempts, 0),
    billable: counts.reduce((s, c) => s + c.billable, 0),
    totalMinor: rated.totalMinor,
    comparableMinor,
    changePercent,
  };
}

/** Six periods, oldest first: finalized invoices as written, the others computed as drafts. */
async function loadHistory(
  customerId: string,
  first: Date,
  rollups: Map<number, Counts>,
  currentDraft: ComputedInvoice | null,
): Promise<PeriodHistory[]> {
  const tx = db();
  const [finalized, lines, credits] = await Promise.all([
    finalizedPeriods(tx, customerId, first),
    finalizedLinesByPeriod(tx, customerId, first),
    creditsByPeriod(tx, customerId, first),
  ]);
  const starts = Array.from({ length: HISTORY_PERIODS }, (_, i) => addMonths(first, i));
  return Promise.all(
    starts.map(async (periodStart): Promise<PeriodHistory> => {
      const key = periodStart.getTime();
      const { attempts = 0, billable = 0, pending = 0 } = rollups.get(key) ?? {};
      const counts = { attempts, billable, pending };
      const charges = noCharges();
      let source: PeriodHistory["source"] = "none";
      let totalMinor = 0n;
      let invoiceLines: { kind: string; amountMinor: bigint }[] = [];
      const invoice = finalized.get(key);
      if (invoice) {
        source = "finalized";
        invoiceLines = lines.filter((l) => l.periodStart.getTime() === key);
        for (const l of invoiceLines) if (l.kind in charges) charges[l.kind as ChargeKind] += l.amountMinor;
        totalMinor = invoice.totalMinor;
      } else if (key === currentDraft?.periodStart.getTime() || (await contractInForce(customerId, periodStart, tx))) {
        source = "draft";
        const draft =
          key === currentDraft?.periodStart.getTime()
            ? currentDraft
            : await computeInvoice(customerId, periodStart, tx);
        invoiceLines = draft.lines;
        for (const l of draft.lines) if (l.kind !== "dispute_credit") charges[l.kind] += l.amountMinor;
        totalMinor = draft.totalMinor;
      }
      const credit = credits.get(key);
      const { creditedMinor, disputeCreditsMinor, creditNotesMinor } = invoiceCredits(
        invoiceLines,
        credit?.amountMinor ?? 0n,
      );
      return {
        periodStart,
        periodEnd: nextPeriodStart(periodStart),
        source,
        ...counts,
        charges,
        totalMinor,
        creditedMinor,
        disputeCreditsMinor,
        creditNotesMinor,
        creditNotes: credit?.notes ?? 0,
        successRate: successRateOf(counts),
      };
    }),
  );
}
