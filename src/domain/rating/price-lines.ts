// One definition's outcome lines under its outcome price: free units, then tiers (graduated or
// volume, each with an optional flat fee) or a package price, then the price's own minimum or
// maximum. Every priced line is quantity × unit price rounded once, half-even; a flat fee is its
// own line (1 × the fee) and the minimum or maximum an adjustment line, so no line with a unit
// price hides another amount.
import { currencyPrecision, Dec, lineAmount, sumMinor, toMinorUnits } from "../money";
import {
  adjustmentLine,
  type ContractTerms,
  type DefinitionUsage,
  OUTCOME_CHARGE_KINDS,
  type OutcomePrice,
  type RatedLine,
  type Tier,
} from "./contract-terms";

type Usage = Pick<DefinitionUsage, "definitionKey" | "definitionName" | "unitLabel" | "billable">;

/** The price of a definition's outcomes: the contract's own, else the definition's flat price. */
export function outcomePriceOf(
  terms: ContractTerms,
  usage: Pick<DefinitionUsage, "definitionKey" | "defaultUnitPrice">,
): OutcomePrice {
  const price = terms.outcomePrices.find((p) => p.definitionKey === usage.definitionKey);
  // A stored price without tiers reads as a flat price, as the contract page reads it.
  return price
    ? { ...price, tiers: price.tiers ?? [] }
    : { definitionKey: usage.definitionKey, unitPrice: usage.defaultUnitPrice, tiers: [] };
}

/** The tiers an outcome is priced by; one open tier for a flat price. */
export function tiersOf(price: OutcomePrice): Tier[] {
  return price.tiers.length > 0 ? price.tiers : [{ upTo: null, unitPrice: price.unitPrice }];
}

/** The tier (index) a count of outcomes reaches: the first whose bound holds it, else the last. */
export function tierReached(tiers: readonly Tier[], count: Dec | number): number {
  const index = tiers.findIndex((t) => t.upTo === null || new Dec(count).lte(t.upTo));
  return index === -1 ? tiers.length - 1 : index;
}

/** A package's price per outcome when partial blocks are prorated: exact, validated to be finite. */
export const proratedUnitPrice = (pkg: { size: number; price: string }) => new Dec(pkg.price).div(pkg.size);

/** Whole blocks a count of paid outcomes makes, rounded as the package says (prorated: exact). */
export function blocksOf(paid: Dec, pkg: NonNullable<OutcomePrice["package"]>): Dec {
  const blocks = paid.div(pkg.size);
  if (pkg.rounding === "up") return blocks.ceil();
  if (pkg.rounding === "down") return blocks.floor();
  return blocks;
}

export function outcomeLines(price: OutcomePrice, usage: Usage, currency: string): RatedLine[] {
  const total = new Dec(usage.billable);
  const free = new Dec(price.freeUnits ?? 0);
  const label = `${usage.definitionName}: ${usage.unitLabel}s`;
  const lines: RatedLine[] = [];
  const priced = (description: string, quantity: Dec, unitPrice: string | Dec, tier: RatedLine["tier"] = null) =>
    lines.push({
      kind: "outcomes",
      definitionKey: usage.definitionKey,
      description,
      quantity: quantity.toFixed(),
      unitPrice: new Dec(unitPrice).toFixed(),
      amountMinor: lineAmount(quantity, unitPrice, currency),
      tier,
    });
  const flatFee = (tier: Tier, range: string) => {
    if (!tier.flatFee || new Dec(tier.flatFee).isZero()) return;
    lines.push({
      kind: "tier_flat_fee",
      definitionKey: usage.definitionKey,
      description: `${label} ${range}: flat fee for entering the tier`,
      quantity: "1",
      unitPrice: new Dec(tier.flatFee).toFixed(),
      amountMinor: lineAmount(1, tier.flatFee, currency),
      tier: null,
    });
  };
  if (total.lte(0)) return limitLines(price, usage, lines, currency);
  if (free.gt(0)) {
    priced(`${label} ${rangeLabel(1, free.toNumber())}, free`, Dec.min(total, free), "0", {
      from: 1,
      to: free.toNumber(),
    });
  }
  const paid = Dec.max(total.minus(free), 0);
  const restTier = free.gt(0) ? { from: free.toNumber() + 1, to: null } : null;
  const beyondFree = free.gt(0) ? " beyond the free ones" : "";
  if (price.package) {
    const pkg = price.package;
    const blocks = blocksOf(paid, pkg);
    if (pkg.rounding === "prorated" && paid.gt(0)) {
      priced(
        `${label} at ${pkg.price} ${currency} per block of ${count(pkg.size)}, a partial block prorated`,
        paid,
        proratedUnitPrice(pkg),
        restTier,
      );
    } else if (blocks.gt(0)) {
      const partial = paid.mod(pkg.size).isZero() ? "" : `, a partial block rounded ${pkg.rounding}`;
      priced(
        `${label}: ${count(blocks)} ${blocks.eq(1) ? "block" : "blocks"} of ${count(pkg.size)} for ${count(paid)}${beyondFree}${partial}`,
        blocks,
        pkg.price,
        restTier,
      );
    }
    return limitLines(price, usage, lines, currency);
  }
  const tiers = tiersOf(price);
  if (price.tierMode === "volume" && price.tiers.length > 0) {
    const index = tierReached(tiers, total);
    const tier = tiers[index]!;
    const range = tierRangeOf(tiers, index);
    if (paid.gt(0)) {
      const description = free.gt(0)
        ? `${label} beyond the free ones, at the price of ${range} that all ${count(total)} reach (volume)`
        : `${label}, all ${count(total)} at the price of ${range} (volume)`;
      priced(description, paid, tier.unitPrice, restTier);
    }
    flatFee(tier, range);
    return limitLines(price, usage, lines, currency);
  }
  let floor = new Dec(0);
  for (const [i, tier] of tiers.entries()) {
    if (total.lte(floor)) break;
    const range = tierRangeOf(tiers, i);
    const start = Dec.max(floor, free);
    const ceiling = tier.upTo === null ? total : Dec.min(total, tier.upTo);
    if (ceiling.gt(start)) {
      const description =
        tiers.length === 1 && free.isZero() ? label : `${label} ${tiers.length === 1 ? "beyond the free ones" : range}`;
      priced(
        description,
        ceiling.minus(start),
        tier.unitPrice,
        tiers.length === 1 && free.isZero() ? null : { from: start.toNumber() + 1, to: tier.upTo },
      );
    }
    flatFee(tier, range);
    if (tier.upTo === null) break;
    floor = new Dec(tier.upTo);
  }
  return limitLines(price, usage, lines, currency);
}

/** The price's own minimum or maximum: an adjustment line bringing its outcome charges to it. */
function limitLines(price: OutcomePrice, usage: Usage, lines: RatedLine[], currency: string): RatedLine[] {
  const charged = sumMinor(lines.filter((l) => OUTCOME_CHARGE_KINDS.has(l.kind)).map((l) => l.amountMinor));
  const limited = clampToPriceLimits(new Dec(charged.toString()), price, currency);
  if (limited.eq(charged.toString())) return lines;
  const amount = (a: string) => `${new Dec(a).toFixed(currencyPrecision(currency))} ${currency}`;
  const kind = limited.gt(charged.toString()) ? "price_minimum" : "price_maximum";
  const description =
    kind === "price_minimum"
      ? `${usage.definitionName}: outcome charges brought up to this price's minimum of ${amount(price.minimum!)}`
      : `${usage.definitionName}: outcome charges brought down to this price's maximum of ${amount(price.maximum!)}`;
  return [...lines, adjustmentLine(kind, description, BigInt(limited.toFixed(0)) - charged, usage.definitionKey)];
}

/**
 * A definition's outcome charges in minor units (exact or rounded), held between the price's
 * minimum and maximum. Rating applies it to the rounded lines, dispute credits to exact ones.
 */
export function clampToPriceLimits(chargedMinor: Dec, price: OutcomePrice, currency: string): Dec {
  let limited = chargedMinor;
  if (price.maximum != null) limited = Dec.min(limited, toMinorUnits(price.maximum, currency).toString());
  if (price.minimum != null) limited = Dec.max(limited, toMinorUnits(price.minimum, currency).toString());
  return limited;
}

const count = (x: Dec | number) => new Dec(x).toNumber().toLocaleString("en-US");

function rangeLabel(from: number, to: number | null): string {
  return to === null ? `beyond ${count(from - 1)}` : `${count(from)} to ${count(to)}`;
}

/** A tier's range as its bounds say, whatever free units cover: "1,001 to 5,000". */
function tierRangeOf(tiers: readonly Tier[], index: number): string {
  const from = index === 0 ? 1 : (tiers[index - 1]!.upTo ?? 0) + 1;
  return rangeLabel(from, tiers[index]!.upTo);
}
