// The forecast to month end: a statistic on counts (number math is fine here), turned into
// money only by rating the projected counts with the contract, so tiers, the cap and the
// minimum apply exactly as they will on the invoice.
import type { ContractTerms } from "@/domain/rating/contract-terms";
import { ratePeriod } from "@/domain/rating/rate-period";
import { type DefinitionInfo, usageOf } from "@/server/services/invoicing/period-usage";
import type { DefinitionCounts, DefinitionPace } from "./usage-queries";

export const PACE_WINDOW_DAYS = 14;
/** ± this many standard deviations of the remaining days' sum: roughly a 95 % range. */
const SPREAD = 2;

export interface ForecastCase {
  attempts: number;
  billable: number;
  totalMinor: bigint;
}

export interface Forecast {
  low: ForecastCase;
  expected: ForecastCase;
  high: ForecastCase;
  remainingDays: number;
  windowDays: number;
  /** Billable ÷ decided attempts in the window, the share applied to projected and pending attempts. */
  windowSuccessRate: number | null;
}

export function forecastPeriod({
  terms,
  definitions,
  monthToDate,
  pace,
  remainingDays,
  lateMinor,
}: {
  terms: ContractTerms;
  definitions: ReadonlyMap<string, DefinitionInfo>;
  monthToDate: readonly DefinitionCounts[];
  pace: readonly DefinitionPace[];
  remainingDays: number;
  lateMinor: bigint;
}): Forecast {
  const ids = new Set([...monthToDate.map((c) => c.definitionId), ...pace.map((p) => p.definitionId)]);
  const project = (direction: -1 | 0 | 1): ForecastCase => {
    const counts = [...ids].map((definitionId) => {
      const mtd = monthToDate.find((c) => c.definitionId === definitionId) ?? { attempts: 0, billable: 0, pending: 0 };
      const p = pace.find((x) => x.definitionId === definitionId);
      const rate = successRateOf(p, mtd);
      const expected = (p?.meanAttempts ?? 0) * remainingDays;
      const spread = SPREAD * Math.sqrt(remainingDays) * (p?.sdAttempts ?? 0);
      const projected = Math.max(0, Math.round(expected + direction * spread));
      return {
        definitionId,
        attempts: mtd.attempts + projected,
        billable: mtd.billable + Math.round((mtd.pending + projected) * rate),
      };
    });
    const rated = ratePeriod(terms, usageOf(counts, definitions));
    return {
      attempts: counts.reduce((s, c) => s + c.attempts, 0),
      billable: counts.reduce((s, c) => s + c.billable, 0),
      totalMinor: rated.totalMinor + lateMinor,
    };
  };
  const decided = pace.reduce((s, p) => s + p.decided, 0);
  return {
    low: project(-1),
    expected: project(0),
    high: project(1),
    remainingDays,
    windowDays: PACE_WINDOW_DAYS,
    windowSuccessRate: decided > 0 ? pace.reduce((s, p) => s + p.billable, 0) / decided : null,
  };
}

/** The window's own success rate; the month's when the window decided nothing; else 0. */
function successRateOf(pace: DefinitionPace | undefined, mtd: { attempts: number; billable: number; pending: number }) {
  if (pace && pace.decided > 0) return pace.billable / pace.decided;
  const decided = mtd.attempts - mtd.pending;
  return decided > 0 ? mtd.billable / decided : 0;
}
