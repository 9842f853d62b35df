// Rating: a contract and a period's usage become invoice lines, following PRODUCT.md's
// billing rules in order: lines per definition (tiers each their own line), each rounded
// once half-even; the cap on usage; the minimum commitment; the total is the sum of lines.
import { currencyPrecision, Dec, lineAmount, sumMinor, toMinorUnits } from "../money";
import {
  ADJUSTMENT_KINDS,
  type AttemptFee,
  adjustmentLine,
  type ContractTerms,
  type DefinitionUsage,
  type RatedLine,
  type Tier,
} from "./contract-terms";

export interface RatedPeriod {
  lines: RatedLine[];
  usageMinor: bigint;
  totalMinor: bigint;
}

const USAGE_KINDS = new Set(["attempts", "outcomes"]);

export function ratePeriod(terms: ContractTerms, usage: readonly DefinitionUsage[]): RatedPeriod {
  const { currency } = terms;
  const lines: RatedLine[] = [];
  if (new Dec(terms.platformFee).gt(0)) {
    lines.push(line("platform_fee", null, "Platform fee", "1", terms.platformFee, currency));
  }
  for (const definition of [...usage].sort((a, b) => (a.definitionKey < b.definitionKey ? -1 : 1))) {
    lines.push(...definitionLines(terms, definition));
  }
  const usageMinor = sumMinor(lines.filter((l) => USAGE_KINDS.has(l.kind)).map((l) => l.amountMinor));
  let usageAfterCap = usageMinor;
  if (terms.monthlyCap !== null) {
    const capMinor = toMinorUnits(terms.monthlyCap, currency);
    if (usageMinor > capMinor) {
      lines.push(adjustmentLine("cap_adjustment", capDescription(terms.monthlyCap, currency), capMinor - usageMinor));
      usageAfterCap = capMinor;
    }
  }
  if (terms.minimumCommitment !== null) {
    const minimumMinor = toMinorUnits(terms.minimumCommitment, currency);
    const committed = toMinorUnits(terms.platformFee, currency) + usageAfterCap;
    if (committed < minimumMinor) {
      lines.push(
        adjustmentLine(
          "minimum_true_up",
          minimumDescription(terms.minimumCommitment, currency),
          minimumMinor - committed,
        ),
      );
    }
  }
  return { lines, usageMinor, totalMinor: sumMinor(lines.map((l) => l.amountMinor)) };
}

function definitionLines(terms: ContractTerms, usage: DefinitionUsage): RatedLine[] {
  const { currency } = terms;
  const lines: RatedLine[] = [];
  const attemptFee = attemptFeeOf(terms, usage.definitionKey);
  if (attemptFee && new Dec(usage.attempts).gt(0)) {
    lines.push(
      line(
        "attempts",
        usage.definitionKey,
        `${usage.definitionName}: attempts`,
        usage.attempts,
        attemptFee.unitPrice,
        currency,
      ),
    );
  }
  const tiers = outcomeTiers(terms, usage);
  for (const { tier, quantity } of allocateToTiers(usage.billable, tiers)) {
    const description =
      tiers.length === 1
        ? `${usage.definitionName}: ${usage.unitLabel}s`
        : `${usage.definitionName}: ${usage.unitLabel}s ${tierLabel(tier.from, tier.to)}`;
    lines.push({
      ...line("outcomes", usage.definitionKey, description, quantity, tier.unitPrice, currency),
      tier: tiers.length === 1 ? null : { from: tier.from, to: tier.to },
    });
  }
  return lines;
}

/** The fee per attempt of a definition: its own, else the contract's fee for every definition. */
export function attemptFeeOf(terms: ContractTerms, definitionKey: string): AttemptFee | undefined {
  return (
    terms.attemptFees.find((f) => f.definitionKey === definitionKey) ??
    terms.attemptFees.find((f) => f.definitionKey === null)
  );
}

/** The graduated tiers an outcome of the definition is priced by; one open tier for a flat price. */
export function outcomeTiers(
  terms: ContractTerms,
  usage: Pick<DefinitionUsage, "definitionKey" | "defaultUnitPrice">,
): Tier[] {
  const price = terms.outcomePrices.find((p) => p.definitionKey === usage.definitionKey);
  return price && price.tiers.length > 0
    ? price.tiers
    : [{ upTo: null, unitPrice: price?.unitPrice ?? usage.defaultUnitPrice }];
}

/** Splits a quantity across graduated tiers; only the tiers that are reached appear. */
export function allocateToTiers(quantity: string | number, tiers: readonly Tier[]) {
  const total = new Dec(quantity);
  const parts: { tier: { from: number; to: number | null; unitPrice: string }; quantity: string }[] = [];
  let floor = new Dec(0);
  for (const tier of tiers) {
    if (total.lte(floor)) break;
    const ceiling = tier.upTo === null ? total : Dec.min(total, tier.upTo);
    const inTier = ceiling.minus(floor);
    if (inTier.gt(0)) {
      parts.push({
        tier: { from: floor.toNumber() + 1, to: tier.upTo, unitPrice: tier.unitPrice },
        quantity: inTier.toFixed(),
      });
    }
    if (tier.upTo === null) break;
    floor = new Dec(tier.upTo);
  }
  return parts;
}

function tierLabel(from: number, to: number | null): string {
  const n = (x: number) => x.toLocaleString("en-US");
  return to === null ? `beyond ${n(from - 1)}` : `${n(from)} to ${n(to)}`;
}

function line(
  kind: RatedLine["kind"],
  definitionKey: string | null,
  description: string,
  quantity: string | number,
  unitPrice: string,
  currency: string,
): RatedLine {
  const q = new Dec(quantity);
  return {
    kind,
    definitionKey,
    description,
    quantity: q.toFixed(),
    unitPrice: new Dec(unitPrice).toFixed(),
    amountMinor: lineAmount(q, unitPrice, currency),
    tier: null,
  };
}

/**
 * Whether a line reads true: quantity × unit price, rounded once half-even, is its amount; or
 * it is an adjustment, with neither quantity nor unit price. Every line of every invoice is.
 */
export function lineAddsUp(
  line: Pick<RatedLine, "quantity" | "unitPrice" | "amountMinor"> & { kind: string },
  currency: string,
): boolean {
  if (ADJUSTMENT_KINDS.has(line.kind)) return line.quantity === null && line.unitPrice === null;
  return (
    line.quantity !== null &&
    line.unitPrice !== null &&
    lineAmount(line.quantity, line.unitPrice, currency) === line.amountMinor
  );
}

const amountText = (amount: string, currency: string) =>
  `${new Dec(amount).toFixed(currencyPrecision(currency))} ${currency}`;

function capDescription(cap: string, currency: string): string {
  return `Monthly cap on usage charges: usage brought down to the cap of ${amountText(cap, currency)}`;
}

function minimumDescription(minimum: string, currency: string): string {
  return `Minimum commitment true-up: platform fee and usage brought up to the minimum of ${amountText(minimum, currency)}`;
}
