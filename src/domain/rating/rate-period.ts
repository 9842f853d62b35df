// Rating: a contract and a period's usage become invoice lines, following PRODUCT.md's
// billing rules in order: lines per definition (tiers each their own line), each rounded
// once half-even; the cap on usage; the minimum commitment; the total is the sum of lines.
import { Dec, lineAmount, sumMinor, toMinorUnits } from "../money";
import type { ContractTerms, DefinitionUsage, RatedLine, Tier } from "./contract-terms";

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
      lines.push(fixed("cap_adjustment", "Monthly cap on usage charges", capMinor - usageMinor, terms.monthlyCap));
      usageAfterCap = capMinor;
    }
  }
  if (terms.minimumCommitment !== null) {
    const minimumMinor = toMinorUnits(terms.minimumCommitment, currency);
    const committed = toMinorUnits(terms.platformFee, currency) + usageAfterCap;
    if (committed < minimumMinor) {
      lines.push(
        fixed("minimum_true_up", "Minimum commitment true-up", minimumMinor - committed, terms.minimumCommitment),
      );
    }
  }
  return { lines, usageMinor, totalMinor: sumMinor(lines.map((l) => l.amountMinor)) };
}

function definitionLines(terms: ContractTerms, usage: DefinitionUsage): RatedLine[] {
  const { currency } = terms;
  const lines: RatedLine[] = [];
  const attemptFee =
    terms.attemptFees.find((f) => f.definitionKey === usage.definitionKey) ??
    terms.attemptFees.find((f) => f.definitionKey === null);
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
  const price = terms.outcomePrices.find((p) => p.definitionKey === usage.definitionKey);
  const tiers =
    price && price.tiers.length > 0
      ? price.tiers
      : [{ upTo: null, unitPrice: price?.unitPrice ?? usage.defaultUnitPrice }];
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

/** An adjustment line whose amount is already exact in minor units. */
function fixed(kind: RatedLine["kind"], description: string, amountMinor: bigint, reference: string): RatedLine {
  return {
    kind,
    definitionKey: null,
    description,
    quantity: "1",
    unitPrice: new Dec(reference).toFixed(),
    amountMinor,
    tier: null,
  };
}
