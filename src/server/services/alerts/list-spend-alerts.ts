// A customer's spend alerts, with whether each has fired in the current period.
import { canSeeCustomer, customerScopeOf } from "@/domain/access/customer-scope";
import type { Actor } from "@/domain/actor";
import { periodStartOf } from "@/domain/invoicing/periods";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

export async function listSpendAlerts({
  actor,
  customerId,
  now = clock.now(),
}: {
  actor: Actor;
  customerId: string;
  now?: Date;
}) {
  if (!canSeeCustomer(customerScopeOf(actor), customerId)) throw AppError.notFound("The customer");
  const alerts = await db().spendAlert.findMany({
    where: { customerId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      kind: true,
      threshold: true,
      createdBy: true,
      createdAt: true,
      firings: { where: { periodStart: periodStartOf(now) }, select: { firedAt: true } },
    },
  });
  return alerts.map(({ firings, threshold, ...alert }) => ({
    ...alert,
    threshold: threshold.toString(),
    firedThisPeriodAt: firings[0]?.firedAt ?? null,
  }));
}
