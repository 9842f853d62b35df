// Value delivered against what was charged, per period: billable outcomes × what one outcome
// is worth to the customer (their own `OutcomeValue`s), one half-even rounding per definition
// like an invoice line, and ROI = (value − charged) ÷ charged.
import { Dec, lineAmount } from "@/domain/money";
import { clock } from "@/server/clock";
import type { Tx } from "@/server/db";

export interface OutcomeValueSetting {
  definitionId: string;
  key: string;
  name: string;
  unitLabel: string;
  /** Exact decimal in major units of the customer's currency; null until a finance user sets it. */
  valuePerOutcome: string | null;
  updatedAt: Date | null;
  updatedBy: string | null;
}

export interface PeriodValue {
  periodStart: Date;
  billable: number;
  /** Billable outcomes of definitions without a value: left out of the value delivered. */
  unvaluedBillable: number;
  valueMinor: bigint;
  chargedMinor: bigint;
  /** (value − charged) ÷ charged as an exact decimal (10 places); null when nothing was charged or no value is set. */
  roi: string | null;
}

export interface ValueDelivered {
  currency: string;
  settings: OutcomeValueSetting[];
  periods: PeriodValue[];
  /** The periods added up, for the value report's summary. */
  total: Omit<PeriodValue, "periodStart">;
}

/** The definitions the customer has used in [from, to] or has valued, with their values. */
async function valueSettings(tx: Tx, customerId: string, from: Date, to: Date) {
  return tx.$queryRaw<(Omit<OutcomeValueSetting, "valuePerOutcome"> & { valuePerOutcome: string | null })[]>`
    SELECT d."id" AS "definitionId", d."key", d."name", d."unitLabel",
      v."valuePerOutcome"::text AS "valuePerOutcome", v."updatedAt", v."updatedBy"
    FROM outcome_definition d
    LEFT JOIN outcome_value v ON v."definitionId" = d."id" AND v."customerId" = ${customerId}::uuid
    WHERE v."customerId" IS NOT NULL OR EXISTS (
      SELECT 1 FROM usage_rollup u
      WHERE u."customerId" = ${customerId}::uuid AND u."definitionId" = d."id"
        AND u."periodStart" >= ${from} AND u."periodStart" <= ${to})
    ORDER BY d."name", d."key"`;
}

async function billableByPeriodAndDefinition(tx: Tx, customerId: string, from: Date, to: Date) {
  return tx.$queryRaw<{ periodStart: Date; definitionId: string; billable: number }[]>`
    SELECT "periodStart", "definitionId", sum("billable")::int AS billable
    FROM usage_rollup
    WHERE "customerId" = ${customerId}::uuid AND "periodStart" >= ${from} AND "periodStart" <= ${to}
    GROUP BY "periodStart", "definitionId"`;
}

/** (value − charged) ÷ charged, exact to 10 places; null when nothing was charged or nothing is valued. */
function roiOf(valueMinor: bigint, chargedMinor: bigint, valued: boolean): string | null {
  if (chargedMinor === 0n || !valued) return null;
  return new Dec((valueMinor - chargedMinor).toString())
    .dividedBy(chargedMinor.toString())
    .toDecimalPlaces(10)
    .toFixed();
}

export async function loadValueDelivered(
  tx: Tx,
  {
    customerId,
    currency,
    charged,
  }: { customerId: string; currency: string; charged: { periodStart: Date; totalMinor: bigint }[] },
): Promise<ValueDelivered> {
  const from = charged[0]?.periodStart ?? clock.now();
  const to = charged.at(-1)?.periodStart ?? from;
  const [rows, usage] = await Promise.all([
    valueSettings(tx, customerId, from, to),
    billableByPeriodAndDefinition(tx, customerId, from, to),
  ]);
  const settings = rows.map((r) => ({
    ...r,
    valuePerOutcome: r.valuePerOutcome === null ? null : new Dec(r.valuePerOutcome).toFixed(),
  }));
  const values = new Map(
    settings.flatMap((s) => (s.valuePerOutcome === null ? [] : [[s.definitionId, s.valuePerOutcome]])),
  );
  const periods = charged.map(({ periodStart, totalMinor }): PeriodValue => {
    let billable = 0;
    let unvaluedBillable = 0;
    let valueMinor = 0n;
    for (const u of usage) {
      if (u.periodStart.getTime() !== periodStart.getTime()) continue;
      billable += u.billable;
      const value = values.get(u.definitionId);
      if (value === undefined) unvaluedBillable += u.billable;
      else valueMinor += lineAmount(u.billable, value, currency);
    }
    return {
      periodStart,
      billable,
      unvaluedBillable,
      valueMinor,
      chargedMinor: totalMinor,
      roi: roiOf(valueMinor, totalMinor, values.size > 0),
    };
  });
  const sum = (pick: (p: PeriodValue) => number | bigint) => periods.reduce((s, p) => s + BigInt(pick(p)), 0n);
  const valueMinor = sum((p) => p.valueMinor);
  const chargedMinor = sum((p) => p.chargedMinor);
  const total = {
    billable: Number(sum((p) => p.billable)),
    unvaluedBillable: Number(sum((p) => p.unvaluedBillable)),
    valueMinor,
    chargedMinor,
    roi: roiOf(valueMinor, chargedMinor, values.size > 0),
  };
  return { currency, settings, periods, total };
}
