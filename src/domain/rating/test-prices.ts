// Outcome prices of every shape for property tests: flat, graduated or volume tiers with flat
// fees, packages with each rounding, free units, a price's own minimum and maximum.
import fc from "fast-check";
import { Dec } from "../money";
import type { OutcomePrice, PackageRounding, Tier } from "./contract-terms";
import type { Discount } from "./discounts";

/** 0 to 100.000 in thousandths. */
export const decimalPrice = fc.integer({ min: 0, max: 100_000 }).map((n) => new Dec(n).dividedBy(1_000).toFixed());

const tiers: fc.Arbitrary<Tier[]> = fc
  .uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: 0, maxLength: 3 })
  .chain((bounds) =>
    fc.tuple(
      ...[...bounds.sort((a, b) => a - b), null].map((upTo) =>
        fc.record({
          upTo: fc.constant(upTo),
          unitPrice: decimalPrice,
          flatFee: fc.option(decimalPrice, { nil: undefined }),
        }),
      ),
    ),
  )
  .map((ts) => ts.map((t) => (t.flatFee === undefined ? { upTo: t.upTo, unitPrice: t.unitPrice } : t)));

// Sizes dividing a power of ten, so a prorated block's price per outcome is an exact decimal.
const packages = fc.record({
  size: fc.constantFrom(1, 2, 4, 5, 8, 10, 20, 25, 50),
  price: decimalPrice,
  rounding: fc.constantFrom<PackageRounding>("up", "down", "prorated"),
});

const limits = fc
  .tuple(fc.option(decimalPrice, { nil: null }), fc.option(decimalPrice, { nil: null }))
  .map(([a, b]) => (a !== null && b !== null && new Dec(a).gt(b) ? [b, a] : [a, b]));

export const outcomePrice = (definitionKey = "ticket_resolved"): fc.Arbitrary<OutcomePrice> =>
  fc
    .record({
      unitPrice: decimalPrice,
      tiers,
      tierMode: fc.constantFrom<OutcomePrice["tierMode"]>(undefined, "graduated", "volume"),
      package: fc.option(packages, { nil: null, freq: 3 }),
      freeUnits: fc.constantFrom(0, 0, 1, 5, 30),
      limits,
    })
    .map(({ limits: [minimum, maximum], ...p }) => ({ definitionKey, ...p, minimum, maximum }));

/** Discounts in force: a percentage or a fixed amount, off one definition or the whole invoice. */
export const discount = (definitionKeys: readonly string[] = ["ticket_resolved"]): fc.Arbitrary<Discount> =>
  fc
    .record({
      kind: fc.constantFrom<Discount["kind"]>("percent", "fixed"),
      percent: fc.integer({ min: 1, max: 100_000 }).map((n) => new Dec(n).dividedBy(1_000).toFixed()),
      fixed: fc.integer({ min: 1, max: 500_000 }).map((n) => new Dec(n).dividedBy(1_000).toFixed()),
      definitionKey: fc.constantFrom<string | null>(null, ...definitionKeys),
    })
    .map(({ kind, percent, fixed, definitionKey }) => ({
      label: "Launch discount",
      kind,
      value: kind === "percent" ? percent : fixed,
      definitionKey,
      periods: null,
      until: null,
    }));
