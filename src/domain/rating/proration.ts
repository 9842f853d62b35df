// Proration (issue #15, shape 7): a contract version may take effect at the start of any UTC
// day, so one billing period can be covered by two or more versions (or, in a customer's first
// month, by one version from a day onwards). Each version prices the days it is in force as an
// agreement of its own: its per-period amounts (platform fee, minimum commitment, cap, a price's
// own minimum and maximum, fixed discounts) are prorated by the day — its share is the days it
// is in force ÷ the days of the month — and it prices the outcomes that happened on its days,
// its tiers and free units counting only those outcomes.
import { Dec, toMajorUnits, toMinorUnits } from "../money";
import type { ContractTerms, DefinitionUsage } from "./contract-terms";

/** One version's days of a period: [fromDay, toDay), counted from 0 = the 1st of the month. */
export interface ContractPart {
  version: number;
  fromDay: number;
  toDay: number;
  /** The days of the month (28–31): the denominator of every share. */
  monthDays: number;
  /** The month's name, for the line's words ("December"). */
  monthName: string;
  /** The version's terms as written (its discounts those in force that period), not yet prorated. */
  terms: ContractTerms;
}

export const DAY_MS = 86_400_000;

/** The days of the month a period starting at `periodStart` (the 1st, 00:00 UTC) has. */
export function daysOfMonth(periodStart: Date): number {
  return new Date(Date.UTC(periodStart.getUTCFullYear(), periodStart.getUTCMonth() + 1, 0)).getUTCDate();
}

/** Whether an instant is the start of a UTC day (where a contract version may take effect). */
export function isDayStart(at: Date): boolean {
  return at.getTime() % DAY_MS === 0;
}

/**
 * A per-period amount's share for the days [fromDay, toDay) of a month of `monthDays` days: the
 * amount to the end of `toDay` minus the amount to `fromDay`, each rounded once half-even to
 * the currency's minor units. So the shares of the same amount over a whole month add up to it
 * exactly (never a cent more or less), and each share is within half a minor unit of
 * amount × days ÷ monthDays.
 */
export function proratedMinor(amount: string, fromDay: number, toDay: number, monthDays: number, currency: string) {
  const upTo = (day: number) => toMinorUnits(new Dec(amount).times(day).div(monthDays), currency);
  return upTo(toDay) - upTo(fromDay);
}

export const partDays = (part: Pick<ContractPart, "fromDay" | "toDay">) => part.toDay - part.fromDay;

export const coversMonth = (part: Pick<ContractPart, "fromDay" | "toDay" | "monthDays">) =>
  part.fromDay === 0 && part.toDay === part.monthDays;

/** The version's terms for its days: every per-period amount prorated; prices and tiers as written. */
export function proratedTerms(part: ContractPart): ContractTerms {
  const { terms } = part;
  if (coversMonth(part)) return terms;
  const share = (amount: string) =>
    toMajorUnits(
      proratedMinor(amount, part.fromDay, part.toDay, part.monthDays, terms.currency),
      terms.currency,
    ).toFixed();
  const shareOrNull = (amount: string | null) => (amount === null ? null : share(amount));
  return {
    ...terms,
    platformFee: share(terms.platformFee),
    monthlyCap: shareOrNull(terms.monthlyCap),
    minimumCommitment: shareOrNull(terms.minimumCommitment),
    outcomePrices: terms.outcomePrices.map((p) => ({
      ...p,
      ...(p.minimum != null && { minimum: share(p.minimum) }),
      ...(p.maximum != null && { maximum: share(p.maximum) }),
    })),
    ...(terms.discounts && {
      discounts: terms.discounts.map((d) => (d.kind === "fixed" ? { ...d, value: share(d.value) } : d)),
    }),
  };
}

/**
 * The terms rating reads for a period: the one version's own when it covers the whole month (so
 * such a period rates exactly as before proration existed), else the parts, each pricing the
 * usage keyed to it by `partKey`.
 */
export function periodTerms(parts: readonly ContractPart[]): ContractTerms {
  const [only] = parts;
  if (!only) throw new Error("A period needs at least one contract version in force.");
  if (parts.length === 1 && coversMonth(only)) return only.terms;
  return {
    currency: only.terms.currency,
    platformFee: "0",
    attemptFees: [],
    outcomePrices: [],
    monthlyCap: null,
    minimumCommitment: null,
    parts: [...parts],
  };
}

/** Usage of a split period is keyed by definition and version: "ticket_resolved@v3". */
export const partKey = (definitionKey: string, version: number) => `${definitionKey}@v${version}`;

/** The definition a usage key stands for (a part's key or a plain one). */
export const definitionOfKey = (key: string) => key.replace(/@v\d+$/, "");

/** The usage one part prices, with the definitions' own keys. */
export function partUsage(part: Pick<ContractPart, "version">, usage: readonly DefinitionUsage[]): DefinitionUsage[] {
  const suffix = `@v${part.version}`;
  return usage
    .filter((u) => u.definitionKey.endsWith(suffix))
    .map((u) => ({ ...u, definitionKey: u.definitionKey.slice(0, -suffix.length) }));
}

/** What a part's lines add to their words: which version and which days they belong to. */
export function partLabel(part: ContractPart): string {
  const days = part.toDay === part.fromDay + 1 ? `${part.toDay}` : `${part.fromDay + 1}–${part.toDay}`;
  return `version ${part.version}, ${days} ${part.monthName}: ${partDays(part)} of ${part.monthDays} days`;
}

/** A usage key in words: "ticket_resolved", or "ticket_resolved (version 3)" for a part's. */
export function keyInWords(key: string): string {
  const match = /^(.*)@v(\d+)$/.exec(key);
  return match ? `${match[1]} (version ${match[2]})` : key;
}
