// Where a customer's commitment over several periods stands now, within the actor's scope: the
// same figures on the dashboard, the invoice page and REST (consumed counts the current draft
// exactly as its invoice will).
import type { Actor } from "@/domain/actor";
import { periodStartOf } from "@/domain/invoicing/periods";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { getCustomer } from "@/server/services/customers/find-customers";
import { computeInvoice } from "@/server/services/invoicing/compute-invoice";
import { commitmentStanding } from "@/server/services/invoicing/term-commitment";
import { contractsOfPeriod } from "./period-contracts";

export async function getCommitment({
  actor,
  customerId,
  now = clock.now(),
}: {
  actor: Actor;
  customerId: string;
  now?: Date;
}) {
  await getCustomer({ actor, customerId });
  return commitmentAt(customerId, periodStartOf(now), now);
}

/** The standing at a period of the term (its lines as computed now); null without a commitment covering it. */
export async function commitmentAt(customerId: string, periodStart: Date, now: Date) {
  const inForce = await contractsOfPeriod(customerId, periodStart);
  if (!inForce?.contract.termCommitment) return null;
  const invoice = await db().invoice.findUnique({
    where: { customerId_periodStart: { customerId, periodStart } },
    select: { status: true, lines: { select: { kind: true, amountMinor: true } } },
  });
  const lines = invoice?.status === "finalized" ? invoice.lines : (await computeInvoice(customerId, periodStart)).lines;
  const standing = await commitmentStanding(db(), customerId, periodStart, inForce.contract, lines, now);
  return standing && { ...standing, contractVersion: inForce.contract.version };
}
