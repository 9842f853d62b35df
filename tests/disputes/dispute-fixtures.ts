// A customer with billed outcomes, its finance user and a reviewer, for dispute tests.
import { db } from "@/server/db";
import { billedCustomer, monthsAgo } from "../invoicing/billed-period";
import { callerFor, type makeContract, makeUser } from "../support/fixtures";

export async function disputeSetup({
  terms = () => ({}),
  attempts = 10,
  billable = 10,
  period = monthsAgo(1),
}: {
  terms?: (definitionKey: string) => Parameters<typeof makeContract>[1];
  attempts?: number;
  billable?: number;
  period?: Date;
} = {}) {
  const billed = await billedCustomer(terms, attempts, billable, period);
  const [finance, viewer, reviewer] = await Promise.all([
    makeUser("finance", billed.customer.id),
    makeUser("viewer", billed.customer.id),
    makeUser("reviewer"),
  ]);
  const outcomes = await db().attempt.findMany({
    where: { customerId: billed.customer.id },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    select: { id: true, subject: true, status: true },
  });
  return {
    ...billed,
    finance,
    viewer,
    reviewer,
    billable: outcomes.filter((o) => o.status === "billable").map((o) => o.id),
    notBillable: outcomes.filter((o) => o.status !== "billable").map((o) => o.id),
    asFinance: callerFor(finance),
    asViewer: callerFor(viewer),
    asReviewer: callerFor(reviewer),
  };
}

export const claim = {
  reason: "not_resolved" as const,
  message: "The customer wrote back the next day; the ticket was not actually resolved.",
};
