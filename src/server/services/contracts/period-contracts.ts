// The contract versions in force during a billing period (issue #15, shape 7): usually one for
// the whole month; two or more when a version takes effect after the 1st (the days before it
// stay with the version in force then, or, in a customer's first month, are not under contract).
import { nextPeriodStart } from "@/domain/invoicing/periods";
import type { ContractTerms } from "@/domain/rating/contract-terms";
import { type ContractPart, DAY_MS, daysOfMonth, periodTerms } from "@/domain/rating/proration";
import type { Contract } from "@/generated/prisma/client";
import { db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { termsOf } from "./find-contract";

export interface PeriodContracts {
  /** The version the invoice is booked under: the last one in force in the period. */
  contract: Contract;
  /** What rating reads: the one version's terms, or the parts of a split period. */
  terms: ContractTerms;
  /** Each version with the instants [from, to) it covers in the period, in order. */
  parts: (ContractPart & { from: Date; to: Date; contract: Contract })[];
  /** Whether usage must be counted per version (keyed by `partKey`). */
  split: boolean;
}

const MONTH = new Intl.DateTimeFormat("en-US", { month: "long", timeZone: "UTC" });

export async function contractsOfPeriod(
  customerId: string,
  periodStart: Date,
  tx: Tx = db(),
): Promise<PeriodContracts | null> {
  const periodEnd = nextPeriodStart(periodStart);
  const versions = await tx.contract.findMany({
    where: { customerId, effectiveFrom: { lt: periodEnd } },
    orderBy: { effectiveFrom: "asc" },
  });
  // The version in force at the period's start, then every version that starts inside it.
  const atStart = versions.filter((v) => v.effectiveFrom <= periodStart).at(-1);
  const inPeriod = [...(atStart ? [atStart] : []), ...versions.filter((v) => v.effectiveFrom > periodStart)];
  if (inPeriod.length === 0) return null;
  const monthDays = daysOfMonth(periodStart);
  const dayOf = (at: Date) => Math.round((at.getTime() - periodStart.getTime()) / DAY_MS);
  const parts = inPeriod.map((contract, i) => {
    const from = contract.effectiveFrom > periodStart ? contract.effectiveFrom : periodStart;
    const to = inPeriod[i + 1]?.effectiveFrom ?? periodEnd;
    return {
      version: contract.version,
      fromDay: dayOf(from),
      toDay: dayOf(to),
      monthDays,
      monthName: MONTH.format(periodStart),
      terms: termsOf(contract, periodStart),
      from,
      to,
      contract,
    };
  });
  const terms = periodTerms(parts);
  return { contract: inPeriod.at(-1)!, terms, parts, split: terms.parts !== undefined };
}

export async function requireContractsOfPeriod(customerId: string, periodStart: Date, tx: Tx = db()) {
  const found = await contractsOfPeriod(customerId, periodStart, tx);
  if (!found) {
    throw new AppError(
      "NOT_FOUND",
      `The customer has no contract in force in ${MONTH.format(periodStart)} ${periodStart.getUTCFullYear()}. Create one first.`,
    );
  }
  return found;
}

/** The part (version) of a split period an instant falls in. */
export function partAt<P extends { from: Date; to: Date }>(parts: readonly P[], at: Date): P | undefined {
  return parts.find((p) => p.from <= at && at < p.to);
}
