// Rating: a contract and a period's usage become invoice lines, following PRODUCT.md's
// billing rules in order: lines per definition (tiers each their own line), each rounded
// once half-even (price-lines.ts: free units, tiers, flat fees, packages, a price's own minimum
// and maximum); a definition's own discounts; the cap on usage; the minimum commitment;
// whole-invoice discounts; the total is the sum of lines.
import { currencyPrecision, Dec, lineAmount, sumMinor, toMinorUnits } from "../money";
import {
  ADJUSTMENT_KINDS,
  type AttemptFee,
  adjustmentLine,
  type ContractTerms,
  type DefinitionUsage,
  type RatedLine,
  USAGE_KINDS,
} from "./contract-terms";
import { type Discount, discountDescription, discountMinor } from "./discounts";
import { outcomeLines, outcomePriceOf } from "./price-lines";
import { type ContractPart, partDays, partLabel, partUsage, proratedTerms } from "./proration";

export interface RatedPeriod {
  lines: RatedLine[];
  usageMinor: bigint;
  totalMinor: bigint;
}

export function ratePeriod(terms: ContractTerms, usage: readonly DefinitionUsage[]): RatedPeriod {
  if (terms.parts) return rateParts(terms.parts, usage);
  const { currency } = terms;
  const lines: RatedLine[] = [];
  if (new Dec(terms.platformFee).gt(0)) {
    lines.push(line("platform_fee", null, "Platform fee", "1", terms.platformFee, currency));
  }
  for (const definition of withPriceMinimums(terms, usage).sort((a, b) =>
    a.definitionKey < b.definitionKey ? -1 : 1,
  )) {
    lines.push(...definitionLines(terms, definition));
  }
  const discounts = terms.discounts ?? [];
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
  // Whole-invoice discounts come last: off what the customer would otherwise owe (platform fee
  // and usage after the cap and the true-up), each off what the ones before it left.
  for (const discount of discounts.filter((d) => d.definitionKey === null)) {
    const off = discountMinor(discount, sumMinor(lines.map((l) => l.amountMinor)), currency);
    if (off > 0n) {
      lines.push(adjustmentLine("invoice_discount", discountDescription(discount, currency, "the invoice"), -off));
    }
  }
  return { lines, usageMinor, totalMinor: sumMinor(lines.map((l) => l.amountMinor)) };
}

/**
 * A split period: each version rates its own days and usage with its per-period amounts
 * prorated (proration.ts), and its lines say which version and days they belong to.
 */
function rateParts(parts: readonly ContractPart[], usage: readonly DefinitionUsage[]): RatedPeriod {
  const rated = parts.map((part) => {
    const { lines, usageMinor } = ratePeriod(proratedTerms(part), partUsage(part, usage));
    const label = partLabel(part);
    return {
      usageMinor,
      lines: lines.map((l) => ({
        ...l,
        description:
          l.kind === "platform_fee"
            ? `Platform fee, ${partDays(part)} of ${part.monthDays} days (version ${part.version})`
            : `${l.description} (${label})`,
      })),
    };
  });
  const lines = rated.flatMap((r) => r.lines);
  return {
    lines,
    usageMinor: sumMinor(rated.map((r) => r.usageMinor)),
    totalMinor: sumMinor(lines.map((l) => l.amountMinor)),
  };
}

/**
 * A price's own minimum is owed every period the contract is in force, used or not: a definition
 * with a minimum and no usage is rated as zero usage, so its minimum line appears.
 */
function withPriceMinimums(terms: ContractTerms, usage: readonly DefinitionUsage[]): DefinitionUsage[] {
  const used = new Set(usage.map((u) => u.definitionKey));
  const unused = terms.outcomePrices
    .filter((p) => p.minimum != null && new Dec(p.minimum).gt(0) && !used.has(p.definitionKey))
    .map((p) => ({
      definitionKey: p.definitionKey,
      definitionName: p.definitionKey,
      unitLabel: "outcome",
      defaultUnitPrice: p.unitPrice,
      attempts: 0,
      billable: 0,
    }));
  return [...usage, ...unused];
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
  const outcomes = outcomeLines(outcomePriceOf(terms, usage), usage, currency);
  lines.push(...outcomes);
  lines.push(...definitionDiscountLines(terms.discounts ?? [], usage, outcomes, currency));
  return lines;
}

/**
 * A definition's own discounts, after its price's minimum and maximum and before the cap: off
 * its outcome charges (not attempt fees), each off what the ones before it left.
 */
function definitionDiscountLines(
  discounts: readonly Discount[],
  usage: DefinitionUsage,
  outcomes: readonly RatedLine[],
  currency: string,
): RatedLine[] {
  let remaining = sumMinor(outcomes.map((l) => l.amountMinor));
  const lines: RatedLine[] = [];
  for (const discount of discounts.filter((d) => d.definitionKey === usage.definitionKey)) {
    const off = discountMinor(discount, remaining, currency);
    if (off === 0n) continue;
    remaining -= off;
    const appliesTo = `${usage.definitionName} outcome charges`;
    lines.push(
      adjustmentLine("price_discount", discountDescription(discount, currency, appliesTo), -off, usage.definitionKey),
    );
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
