// What each outcome of a page is charged, from the same rating code that makes the invoice:
// the n-th billable outcome of a definition in a period costs the price of the tier n falls in
// (outcomePriceAt), plus the per-attempt fee. The rank n comes from the rollups, not from
// counting the period: the daily rollup gives the billable outcomes of the days before the
// outcome's day, and one scan of that day, up to the page's last outcome of the day, ranks
// the rest; a page's outcomes of one definition and day share that scan.
import { nextPeriodStart, periodStartOf } from "@/domain/invoicing/periods";
import { currencyPrecision, Dec, toMajorUnits } from "@/domain/money";
import { adjustmentEffect, attemptFeeFor, outcomePriceAt } from "@/domain/rating/outcome-charge";
import { partLabel, proratedTerms } from "@/domain/rating/proration";
import { ratePeriod } from "@/domain/rating/rate-period";
import { db } from "@/server/db";
import { contractsOfPeriod } from "@/server/services/contracts/period-contracts";
import { billedPartCounts, definitionsAt, partCounts, usageOf } from "@/server/services/invoicing/period-usage";

export interface ChargedAttempt {
  id: string;
  occurredAt: Date;
  definitionId: string;
  status: "pending" | "billable" | "not_billable";
  eventCount: number;
  billedStatus: "pending" | "billable" | "not_billable" | null;
  billedInvoiceId: string | null;
}

export interface OutcomeCharge {
  currency: string;
  /** The outcome's own price (exact, major units): the tier its rank falls in; null when not billed as an outcome. */
  outcomePrice: string | null;
  /** The per-attempt fee it pays (exact), null when none. */
  attemptFee: string | null;
  /** outcomePrice + attemptFee: what it adds to the usage lines before the cap and minimum; null: nothing. */
  charged: string | null;
  /** The graduated tier (from 1), null for a flat price. */
  tier: number | null;
  /** Its place among the month's billable outcomes of its definition, and how many there are. */
  rank: number | null;
  of: number | null;
  /** What dispute decisions credited for it, in minor units. */
  creditedMinor: bigint;
  /** What besides its price shaped its definition's charges this month (flat fees, minimum or maximum, discounts, cap, commitment), in words; null: nothing. */
  adjustment: string | null;
  /** For people: "charged 0.99 USD, tier 1, #412 of 730 this month". */
  summary: string;
}

/** Charges of attempts of any customers (a provider's REST list spans several), by attempt id. */
export async function chargesOf(
  attempts: readonly (ChargedAttempt & { customerId: string })[],
): Promise<Map<string, OutcomeCharge>> {
  const byCustomer = new Map<string, ChargedAttempt[]>();
  for (const a of attempts) byCustomer.set(a.customerId, [...(byCustomer.get(a.customerId) ?? []), a]);
  const maps = await Promise.all([...byCustomer].map(([customerId, rows]) => outcomeCharges(customerId, rows)));
  return new Map(maps.flatMap((m) => [...m]));
}

type Period = Awaited<ReturnType<typeof periodPricing>>[number] | undefined;

/** Charges of the given attempts of one customer, by attempt id (absent: no contract covers its period). */
export async function outcomeCharges(
  customerId: string,
  attempts: readonly ChargedAttempt[],
): Promise<Map<string, OutcomeCharge>> {
  const charges = new Map<string, OutcomeCharge>();
  if (attempts.length === 0) return charges;
  const starts = [...new Set(attempts.map((a) => periodStartOf(a.occurredAt).getTime()))];
  const periods = new Map(
    await Promise.all(starts.map(async (t) => [t, await periodPricing(customerId, new Date(t))] as const)),
  );
  // The pricing of the version in force when the outcome happened (one per period unless shared).
  const pricingOf = (a: ChargedAttempt): Period =>
    periods.get(periodStartOf(a.occurredAt).getTime())?.find((p) => p.from <= a.occurredAt && a.occurredAt < p.to);
  const onBill = (a: ChargedAttempt, p: NonNullable<Period>) =>
    p.invoiceId === null
      ? a.status === "billable" && a.eventCount > 0
      : a.billedStatus === "billable" && a.billedInvoiceId === p.invoiceId;
  const ranked = attempts.filter((a) => {
    const p = pricingOf(a);
    return p && onBill(a, p);
  });
  const [ranks, credits] = await Promise.all([
    rankOutcomes(customerId, ranked, (a) => pricingOf(a)!),
    creditedFor(
      customerId,
      attempts.map((a) => a.id),
    ),
  ]);
  for (const a of attempts) {
    const p = pricingOf(a);
    if (!p) continue;
    const definition = p.definitions.get(a.definitionId);
    if (!definition) continue;
    const counted =
      p.invoiceId === null ? a.eventCount > 0 : a.billedInvoiceId === p.invoiceId && a.billedStatus !== null;
    const attemptFee = counted ? attemptFeeFor(p.terms, definition.key) : null;
    const rank = ranks.get(a.id) ?? null;
    const price =
      rank === null
        ? null
        : outcomePriceAt(
            p.terms,
            { definitionKey: definition.key, defaultUnitPrice: definition.defaultUnitPrice },
            rank,
            p.billable.get(a.definitionId) ?? rank,
          );
    const charged = price || attemptFee ? new Dec(price?.unitPrice ?? 0).plus(attemptFee ?? 0).toFixed() : null;
    const creditedMinor = credits.get(a.id) ?? 0n;
    const charge = {
      currency: p.terms.currency,
      outcomePrice: price?.unitPrice ?? null,
      attemptFee,
      charged,
      tier: price?.tier ?? null,
      rank,
      of: rank === null ? null : (p.billable.get(a.definitionId) ?? 0),
      creditedMinor,
      adjustment: p.adjustmentFor(definition.key),
    };
    charges.set(a.id, { ...charge, summary: summaryOf(charge, a, p.invoiceId !== null, p.scope) });
  }
  return charges;
}

/**
 * The period's pricing, whether it is finalized, its billable counts and what shaped each
 * definition's charges besides its prices: one for the whole month, or one per version of a month two versions share, each over its
 * own days (`from`, `to`), with its per-period amounts prorated and its own counts.
 */
async function periodPricing(customerId: string, periodStart: Date) {
  const [inForce, invoice, definitions] = await Promise.all([
    contractsOfPeriod(customerId, periodStart),
    db().invoice.findUnique({
      where: { customerId_periodStart: { customerId, periodStart } },
      select: { id: true, status: true },
    }),
    definitionsAt(db(), periodStart),
  ]);
  if (!inForce) return [];
  const finalized = invoice?.status === "finalized";
  const invoiceId = finalized ? invoice.id : null;
  if (inForce.split) {
    // A finalized period is priced as it was billed; a draft as it stands.
    const counts = finalized
      ? await billedPartCounts(db(), customerId, inForce.parts)
      : await partCounts(db(), customerId, inForce.parts);
    return inForce.parts.map((part) => {
      const terms = proratedTerms(part);
      const own = counts.filter((c) => c.version === part.version);
      const rated = ratePeriod(terms, usageOf(own, definitions));
      return {
        from: part.from,
        to: part.to,
        scope: `under ${partLabel(part)}`,
        terms,
        definitions,
        invoiceId,
        billable: new Map(own.map((c) => [c.definitionId, c.billable])),
        adjustmentFor: (definitionKey: string) => adjustmentEffect(rated, terms, definitionKey),
      };
    });
  }
  const counts = finalized
    ? await db().billedUsage.findMany({ where: { customerId, periodStart } })
    : await db().usageRollup.findMany({ where: { customerId, periodStart } });
  const { terms } = inForce;
  const rated = ratePeriod(terms, usageOf(counts, definitions));
  return [
    {
      from: periodStart,
      to: nextPeriodStart(periodStart),
      scope: "this month",
      terms,
      definitions,
      invoiceId,
      billable: new Map(counts.map((c) => [c.definitionId, c.billable])),
      adjustmentFor: (definitionKey: string) => adjustmentEffect(rated, terms, definitionKey),
    },
  ];
}

const DAY_MS = 86_400_000;

/**
 * Each outcome's rank (from 1) among its period's billable outcomes of its definition, in the
 * (occurredAt, id) order the invoice's drill-down lists them in. The days before its day come
 * from usage_daily (for a finalized period corrected by the few attempts that changed since
 * they were billed, which attempt_unbilled_changes lists); its own day is scanned once per
 * definition and day, up to the page's last outcome of that day.
 */
async function rankOutcomes(
  customerId: string,
  attempts: readonly ChargedAttempt[],
  periodOf: (a: ChargedAttempt) => NonNullable<Period>,
): Promise<Map<string, number>> {
  if (attempts.length === 0) return new Map();
  const groups = new Map<
    string,
    { definitionId: string; periodStart: Date; dayStart: Date; until: Date; invoiceId: string | null; ids: string[] }
  >();
  for (const a of attempts) {
    const period = periodOf(a);
    const dayStart = new Date(Math.floor(a.occurredAt.getTime() / DAY_MS) * DAY_MS);
    const key = `${a.definitionId}|${dayStart.getTime()}|${period.invoiceId}`;
    const group = groups.get(key) ?? {
      definitionId: a.definitionId,
      periodStart: period.from,
      dayStart,
      until: a.occurredAt,
      invoiceId: period.invoiceId,
      ids: [],
    };
    if (a.occurredAt > group.until) group.until = a.occurredAt;
    group.ids.push(a.id);
    groups.set(key, group);
  }
  const rows = await db().$queryRaw<{ id: string; rank: bigint }[]>`
    SELECT r."id", (p."before" + c."correction" + r."n")::bigint AS "rank"
    FROM jsonb_to_recordset(${JSON.stringify([...groups.values()])}::jsonb)
      AS g("definitionId" uuid, "periodStart" timestamptz, "dayStart" timestamptz, "until" timestamptz,
           "invoiceId" uuid, "ids" uuid[])
    CROSS JOIN LATERAL (
      SELECT COALESCE(sum(d."billable"), 0) AS "before" FROM usage_daily d
      WHERE d."customerId" = ${customerId}::uuid AND d."definitionId" = g."definitionId"
        AND d."day" >= (g."periodStart" AT TIME ZONE 'UTC')::date AND d."day" < (g."dayStart" AT TIME ZONE 'UTC')::date
    ) p
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE a."billedStatus" = 'billable' AND a."billedInvoiceId" = g."invoiceId")
        - count(*) FILTER (WHERE a."status" = 'billable' AND a."eventCount" > 0) AS "correction"
      FROM attempt a
      WHERE g."invoiceId" IS NOT NULL AND a."customerId" = ${customerId}::uuid
        AND a."occurredAt" >= g."periodStart" AND a."occurredAt" < g."dayStart" AND a."definitionId" = g."definitionId"
        AND ("billedStatus" IS DISTINCT FROM "status" OR "voided")
    ) c
    CROSS JOIN LATERAL (
      SELECT a."id", row_number() OVER (ORDER BY a."occurredAt", a."id") AS "n" FROM attempt a
      WHERE a."customerId" = ${customerId}::uuid AND a."definitionId" = g."definitionId"
        AND a."occurredAt" >= g."dayStart" AND a."occurredAt" <= g."until"
        AND CASE WHEN g."invoiceId" IS NULL THEN a."status" = 'billable' AND a."eventCount" > 0
                 ELSE a."billedStatus" = 'billable' AND a."billedInvoiceId" = g."invoiceId" END
    ) r
    WHERE r."id" = ANY(g."ids")`;
  return new Map(rows.map((r) => [r.id, Number(r.rank)]));
}

async function creditedFor(customerId: string, ids: readonly string[]): Promise<Map<string, bigint>> {
  const rows = await db().$queryRaw<{ attemptId: string; creditMinor: bigint }[]>`
    SELECT "attemptId", sum("creditMinor")::bigint AS "creditMinor" FROM disputed_outcome
    WHERE "customerId" = ${customerId}::uuid AND "attemptId" = ANY(${[...ids]}::text[]::uuid[]) AND "creditShare" > 0
    GROUP BY "attemptId"`;
  return new Map(rows.map((r) => [r.attemptId, r.creditMinor]));
}

function summaryOf(c: Omit<OutcomeCharge, "summary">, a: ChargedAttempt, finalized: boolean, scope: string): string {
  const amount = (x: string) =>
    `${new Dec(x).toFixed(Math.max(currencyPrecision(c.currency), new Dec(x).decimalPlaces()))} ${c.currency}`;
  const credit =
    c.creditedMinor > 0n
      ? `; credited ${toMajorUnits(c.creditedMinor, c.currency).toFixed(currencyPrecision(c.currency))} ${c.currency}`
      : "";
  if (c.rank !== null && c.outcomePrice !== null) {
    const fee = c.attemptFee
      ? ` (${amount(c.outcomePrice)} for the outcome + ${amount(c.attemptFee)} per attempt)`
      : "";
    const tier = c.tier === null ? "" : `, tier ${c.tier}`;
    return `charged ${amount(c.charged!)}${fee}${tier}, #${c.rank.toLocaleString("en-US")} of ${c.of!.toLocaleString("en-US")} ${scope}${credit}`;
  }
  const why =
    a.eventCount === 0
      ? "voided"
      : a.status === "pending"
        ? "pending"
        : a.status === "not_billable"
          ? "not billable"
          : finalized
            ? "billable since its month was invoiced: a late item on a later invoice"
            : "billable";
  return c.attemptFee
    ? `charged ${amount(c.attemptFee)}, the per-attempt fee (${why})${credit}`
    : `not charged (${why})${credit}`;
}
