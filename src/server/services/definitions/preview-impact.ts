// The impact preview of a draft version: the definition's attempts of the last 7, 30 or 90 days
// re-evaluated under the draft and under the version in force now, as of now. It counts the
// outcomes that would flip, prices the change per customer with each customer's contract
// (the period's usage with and without the flips, rated like an invoice), and counts the upheld
// disputes the draft would have prevented and the rejected ones it would now unbill. Nothing is
// written. Attempts are read per customer through the (customerId, occurredAt, definitionId)
// index, a page at a time.
import { z } from "zod";
import {
  computeImpact,
  type DisputeVerdict,
  type ImpactAttempt,
  type ImpactPreview,
} from "@/domain/definitions/impact";
import type { Criterion, VersionRule } from "@/domain/evaluation/criteria";
import { chooseVersion } from "@/domain/evaluation/evaluate-attempt";
import { periodStartOf } from "@/domain/invoicing/periods";
import { Dec } from "@/domain/money";
import { ratePeriod } from "@/domain/rating/rate-period";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { int, text } from "@/server/input-rules";
import { contractInForce, termsOf } from "@/server/services/contracts/find-contract";
import { definitionsAt, periodCounts, usageOf } from "@/server/services/invoicing/period-usage";

export const PreviewImpactInput = z.strictObject({
  definitionKey: text().min(1).max(64),
  number: int().positive(),
  days: z.union([z.literal(7), z.literal(30), z.literal(90)], "Preview the last 7, 30 or 90 days."),
});

const PAGE = 5_000;
const SAMPLES = 20;

export async function previewImpact({
  input,
  now = clock.now(),
}: {
  input: z.input<typeof PreviewImpactInput>;
  now?: Date;
}) {
  const { definitionKey, number, days } = PreviewImpactInput.parse(input);
  const definition = await db().outcomeDefinition.findUnique({
    where: { key: definitionKey },
    include: { versions: { orderBy: { number: "asc" } } },
  });
  if (!definition) throw AppError.notFound(`The definition "${definitionKey}"`);
  const rules: (VersionRule & { defaultUnitPrice: string })[] = definition.versions.map((v) => ({
    id: v.id,
    number: v.number,
    criteria: v.criteria as unknown as Criterion[],
    observationWindowHours: v.observationWindowHours,
    effectiveFrom: v.effectiveFrom,
    status: v.status,
    defaultUnitPrice: v.defaultUnitPrice.toString(),
  }));
  const draft = rules.find((v) => v.number === number);
  if (!draft) throw AppError.notFound(`Version ${number} of "${definitionKey}"`);
  const current = chooseVersion(rules, now);
  if (!current) {
    throw new AppError(
      "CONFLICT",
      `${definition.name} has no version in force yet, so there is nothing to compare with.`,
    );
  }
  const from = new Date(now.getTime() - days * 86_400_000);
  const customers = await db().customer.findMany({ select: { id: true, name: true, currency: true } });
  const verdicts = await disputeVerdicts(definition.id, from);

  const merged: Omit<ImpactPreview, "customers" | "samples"> & { samples: ImpactPreview["samples"] } = {
    attempts: 0,
    totals: { current: zero(), draft: zero() },
    flips: { billableToNot: 0, notToBillable: 0 },
    transitions: { pending: zero(), billable: zero(), not_billable: zero() },
    upheldPrevented: 0,
    rejectedNowUnbilled: 0,
    storedStatusDiffers: 0,
    samples: [],
  };
  const perCustomer: {
    customerId: string;
    customerName: string;
    currency: string;
    gained: number;
    lost: number;
    billableDelta: number;
    moneyDeltaMinor: bigint;
  }[] = [];
  const subjects = new Map<string, string>();

  for (const customer of customers) {
    // One period at a time, so each is priced with its own contract and usage.
    const byPeriod = new Map<number, ImpactAttempt[]>();
    for await (const page of attemptPages(customer.id, definition.id, from, now)) {
      for (const a of page) {
        subjects.set(a.id, a.subject);
        const key = periodStartOf(a.occurredAt).getTime();
        const list = byPeriod.get(key) ?? [];
        list.push(a);
        byPeriod.set(key, list);
      }
    }
    let gained = 0;
    let lost = 0;
    let moneyDeltaMinor = 0n;
    for (const [period, attempts] of byPeriod) {
      const impact = computeImpact({
        attempts,
        current,
        draft,
        now,
        disputed: verdicts,
        sampleSize: Math.max(0, SAMPLES - merged.samples.length),
      });
      merge(merged, impact);
      const delta = impact.customers.reduce((s, c) => s + c.billableDelta, 0);
      gained += impact.customers.reduce((s, c) => s + c.gained, 0);
      lost += impact.customers.reduce((s, c) => s + c.lost, 0);
      if (delta !== 0) moneyDeltaMinor += await moneyEffect(customer.id, new Date(period), definition.id, delta);
    }
    if (gained !== 0 || lost !== 0) {
      perCustomer.push({
        customerId: customer.id,
        customerName: customer.name,
        currency: customer.currency,
        gained,
        lost,
        billableDelta: gained - lost,
        moneyDeltaMinor,
      });
    }
  }
  perCustomer.sort(
    (a, b) => Math.abs(b.billableDelta) - Math.abs(a.billableDelta) || a.customerName.localeCompare(b.customerName),
  );
  const names = new Map(customers.map((c) => [c.id, c.name]));
  return {
    from,
    to: now,
    currentVersion: current.number,
    draftVersion: draft.number,
    attempts: merged.attempts,
    totals: merged.totals,
    flips: merged.flips,
    transitions: merged.transitions,
    customers: perCustomer,
    upheldPrevented: merged.upheldPrevented,
    rejectedNowUnbilled: merged.rejectedNowUnbilled,
    samples: merged.samples.map((s) => ({
      attemptId: s.attemptId,
      subject: subjects.get(s.attemptId) ?? s.attemptId,
      customerName: names.get(s.customerId) ?? "",
      direction: s.direction === "billableToNot" ? ("billable_to_not" as const) : ("not_to_billable" as const),
      dispute: s.dispute,
      current: s.current,
      draft: s.draft,
    })),
  };
}

const zero = () => ({ pending: 0, billable: 0, not_billable: 0 });

function merge(into: Omit<ImpactPreview, "customers">, part: ImpactPreview) {
  into.attempts += part.attempts;
  for (const side of ["current", "draft"] as const) {
    for (const s of ["pending", "billable", "not_billable"] as const) into.totals[side][s] += part.totals[side][s];
  }
  into.flips.billableToNot += part.flips.billableToNot;
  into.flips.notToBillable += part.flips.notToBillable;
  for (const a of ["pending", "billable", "not_billable"] as const) {
    for (const b of ["pending", "billable", "not_billable"] as const) into.transitions[a][b] += part.transitions[a][b];
  }
  into.upheldPrevented += part.upheldPrevented;
  into.rejectedNowUnbilled += part.rejectedNowUnbilled;
  into.storedStatusDiffers += part.storedStatusDiffers;
  into.samples.push(...part.samples);
}

/** The customer's attempts of the definition in [from, to), in keyset pages. */
async function* attemptPages(customerId: string, definitionId: string, from: Date, to: Date) {
  let after: { occurredAt: Date; id: string } | null = null;
  for (;;) {
    const rows: (ImpactAttempt & { subject: string })[] = await db().$queryRaw`
      SELECT "id", "customerId", "subject", "occurredAt", "attributes", "aiShare"::text AS "aiShare",
        "status" AS "currentStatus"
      FROM attempt
      WHERE "customerId" = ${customerId}::uuid AND "occurredAt" >= ${from} AND "occurredAt" < ${to}
        AND "definitionId" = ${definitionId}::uuid AND "eventCount" > 0
        AND (${after?.occurredAt ?? null}::timestamptz IS NULL
          OR ("occurredAt", "id") > (${after?.occurredAt ?? null}::timestamptz, ${after?.id ?? null}::uuid))
      ORDER BY "occurredAt", "id" LIMIT ${PAGE}`;
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < PAGE) return;
    const last = rows.at(-1)!;
    after = { occurredAt: last.occurredAt, id: last.id };
  }
}

/** Decided disputes of the definition's outcomes since `from`: upheld (accepted or partial) or rejected. */
async function disputeVerdicts(definitionId: string, from: Date): Promise<Map<string, DisputeVerdict>> {
  const rows = await db().$queryRaw<{ attemptId: string; state: string }[]>`
    SELECT "attemptId", "state"::text AS "state" FROM disputed_outcome
    WHERE "definitionId" = ${definitionId}::uuid AND "periodStart" >= ${periodStartOf(from)}
      AND "state" IN ('accepted', 'partial', 'rejected')`;
  const verdicts = new Map<string, DisputeVerdict>();
  for (const r of rows) {
    // An outcome upheld in any dispute counts as upheld.
    if (r.state !== "rejected" || !verdicts.has(r.attemptId)) {
      verdicts.set(r.attemptId, r.state === "rejected" ? "rejected" : "upheld");
    }
  }
  return verdicts;
}

/** What `delta` more (or fewer) billable outcomes would change on the customer's bill for the period. */
async function moneyEffect(customerId: string, periodStart: Date, definitionId: string, delta: number) {
  const contract = await contractInForce(customerId, periodStart);
  if (!contract) return 0n;
  const terms = termsOf(contract, periodStart);
  const [counts, definitions] = await Promise.all([
    periodCounts(db(), customerId, periodStart),
    definitionsAt(db(), periodStart),
  ]);
  const usage = usageOf(counts, definitions);
  const key = definitions.get(definitionId)?.key;
  const changed = usage.map((u) =>
    u.definitionKey === key ? { ...u, billable: Dec.max(0, new Dec(u.billable).plus(delta)).toFixed() } : u,
  );
  return ratePeriod(terms, changed).totalMinor - ratePeriod(terms, usage).totalMinor;
}
