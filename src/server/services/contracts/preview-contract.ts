// What the current month would cost under proposed contract terms, before they are saved:
// the real invoice computation (computeInvoice) with an unsaved contract in place of the
// one in force. Nothing is written.
import { randomUUID } from "node:crypto";
import type { Actor } from "@/domain/actor";
import { actorLabel } from "@/domain/actor";
import { periodStartOf } from "@/domain/invoicing/periods";
import { type Contract, Prisma } from "@/generated/prisma/client";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { getCustomer } from "@/server/services/customers/find-customers";
import { computeInvoice } from "@/server/services/invoicing/compute-invoice";
import { ContractTermsInput } from "./contract-schema";
import { contractInForce } from "./find-contract";

export async function previewContract({
  actor,
  customerId,
  input,
  now = clock.now(),
}: {
  actor: Actor;
  customerId: string;
  input: ContractTermsInput;
  now?: Date;
}) {
  const terms = ContractTermsInput.parse(input);
  const customer = await getCustomer({ actor, customerId });
  const periodStart = periodStartOf(now);
  const inForce = await contractInForce(customerId, periodStart);
  const proposed: Contract = {
    id: randomUUID(),
    customerId,
    version: (inForce?.version ?? 0) + 1,
    // A version starting later is previewed as if this month were its first billing period, so
    // a discount for its first periods (counted from effectiveFrom) shows as it will apply.
    effectiveFrom: new Date(Math.min(terms.effectiveFrom.getTime(), periodStart.getTime())),
    currency: customer.currency,
    platformFee: new Prisma.Decimal(terms.platformFee),
    attemptFees: terms.attemptFees,
    outcomePrices: terms.outcomePrices,
    monthlyCap: terms.monthlyCap === null ? null : new Prisma.Decimal(terms.monthlyCap),
    minimumCommitment: terms.minimumCommitment === null ? null : new Prisma.Decimal(terms.minimumCommitment),
    discounts: terms.discounts,
    termCommitment: terms.termCommitment,
    disputeWindowDays: terms.disputeWindowDays,
    graceDays: terms.graceDays,
    paymentTermsDays: terms.paymentTermsDays,
    prepaidAllowance: terms.prepaidAllowance,
    changeNote: terms.changeNote,
    authorLabel: actorLabel(actor),
    createdAt: now,
  };
  const [preview, current] = await Promise.all([
    computeInvoice(customerId, periodStart, db(), proposed),
    inForce ? computeInvoice(customerId, periodStart, db(), inForce) : null,
  ]);
  return {
    periodStart,
    currency: preview.currency,
    lines: preview.lines,
    totalMinor: preview.totalMinor,
    /** The same month under the terms in force; null when no contract is in force yet. */
    currentTotalMinor: current?.totalMinor ?? null,
  };
}
