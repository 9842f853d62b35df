// The share arithmetic of decisions, apart from the dispute vocabulary (dispute-terms.ts), which
// the browser loads: this needs the decimal library, the forms do not.
import { Dec } from "../money";
import type { AdjudicationKind } from "./dispute-terms";

/** Shares are kept to six decimals (the column's scale), rounded half-even. */
export const SHARE_DECIMALS = 6;

/** The share of the whole outcome a decision credits: the disputed share times the granted percentage. */
export function creditShareOf(disputedShare: string, kind: AdjudicationKind, percent: string | null): string {
  if (kind === "reject") return "0";
  if (kind === "accept") return new Dec(disputedShare).toFixed();
  const p = new Dec(percent ?? "NaN");
  if (!p.isFinite() || p.lte(0) || p.gte(100))
    throw new Error("A partial credit is more than 0 % and less than 100 %.");
  return new Dec(disputedShare).times(p).div(100).toDecimalPlaces(SHARE_DECIMALS).toFixed();
}

/** What is left to dispute of an outcome after earlier credits (never below 0). */
export function remainingShare(creditedShares: readonly string[]): string {
  const left = new Dec(1).minus(creditedShares.reduce((s, c) => s.plus(c), new Dec(0)));
  return (left.lt(0) ? new Dec(0) : left).toFixed();
}
