// A rounded total split over the exact amounts it was made of, by largest remainder: each part
// gets its exact amount rounded down, and the cents still missing go one each to the parts
// with the largest fractions (ties: the earlier part). The parts always add up to the total,
// and when the total is the exact sum rounded, no part exceeds its exact amount rounded up.
import { Dec } from "../money";

export function splitByLargestRemainder<K>(totalMinor: bigint, exact: ReadonlyMap<K, Dec>): Map<K, bigint> {
  const entries = [...exact.entries()];
  const sum = entries.reduce((s, [, e]) => s.plus(e), new Dec(0));
  if (sum.isZero()) {
    if (totalMinor !== 0n) throw new Error("Nothing to split a non-zero total over.");
    return new Map(entries.map(([k]) => [k, 0n]));
  }
  // A total other than the exact sum rounded (a credit cut to what remains) is shared in proportion.
  const target = new Dec(totalMinor.toString());
  const scaled = sum.minus(target).abs().lt(1)
    ? entries
    : entries.map(([k, e]) => [k, e.times(target).div(sum)] as const);
  const parts = scaled.map(([k, e], index) => {
    const floor = e.floor();
    return { k, index, minor: BigInt(floor.toFixed(0)), fraction: e.minus(floor) };
  });
  let missing = totalMinor - parts.reduce((s, p) => s + p.minor, 0n);
  const byFraction = [...parts].sort((a, b) => b.fraction.comparedTo(a.fraction) || a.index - b.index);
  for (let i = 0; missing !== 0n && byFraction.length > 0; i = (i + 1) % byFraction.length) {
    const part = byFraction[missing > 0n ? i : byFraction.length - 1 - i]!;
    if (missing > 0n) {
      part.minor += 1n;
      missing -= 1n;
    } else if (part.minor > 0n) {
      part.minor -= 1n;
      missing += 1n;
    }
  }
  return new Map(parts.map((p) => [p.k, p.minor]));
}
