// The contract version in force for a customer at a time, as rating reads it.
import type { AttemptFee, ContractTerms, OutcomePrice } from "@/domain/rating/contract-terms";
import { type Discount, discountsInForce } from "@/domain/rating/discounts";
import type { Contract } from "@/generated/prisma/client";
import { db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";

/**
 * The terms rating reads for the period starting at `periodStart`: the discounts are those in
 * force that period, so every rating path (invoice, forecast, preview, credits) agrees.
 */
export function termsOf(contract: Contract, periodStart: Date): ContractTerms {
  return {
    currency: contract.currency,
    platformFee: contract.platformFee.toString(),
    attemptFees: contract.attemptFees as unknown as AttemptFee[],
    outcomePrices: contract.outcomePrices as unknown as OutcomePrice[],
    monthlyCap: contract.monthlyCap?.toString() ?? null,
    minimumCommitment: contract.minimumCommitment?.toString() ?? null,
    discounts: discountsInForce(contract.discounts as unknown as Discount[], contract.effectiveFrom, periodStart),
  };
}

export async function contractInForce(customerId: string, at: Date, tx: Tx = db()): Promise<Contract | null> {
  return tx.contract.findFirst({
    where: { customerId, effectiveFrom: { lte: at } },
    orderBy: { effectiveFrom: "desc" },
  });
}

export async function requireContractInForce(customerId: string, at: Date, tx: Tx = db()): Promise<Contract> {
  const contract = await contractInForce(customerId, at, tx);
  if (!contract) {
    throw new AppError(
      "NOT_FOUND",
      `The customer has no contract in force on ${at.toISOString().slice(0, 10)}. Create one first.`,
    );
  }
  return contract;
}

export async function listContractVersions(customerId: string) {
  return db().contract.findMany({ where: { customerId }, orderBy: { version: "desc" } });
}
