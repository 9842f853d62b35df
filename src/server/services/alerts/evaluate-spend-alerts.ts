// The scheduler's job: evaluates every spend alert against its customer's month-to-date
// figures and notifies the customer's finance users once per alert per period. The firing's
// primary key (alert, period) is the lock: a second run or instance inserts nothing and
// creates no second notification and no second webhook.
import type { Actor } from "@/domain/actor";
import { type SpendAlertKind, type SpendFigures, spendAlertCrossing } from "@/domain/alerts/spend-alert";
import { periodStartOf } from "@/domain/invoicing/periods";
import type { Prisma } from "@/generated/prisma/client";
import { clock } from "@/server/clock";
import { db, transaction } from "@/server/db";
import { loadDashboard } from "@/server/services/dashboard/load-dashboard";
import { appLink, enqueueWebhook } from "@/server/services/webhooks/enqueue-webhook";

const SYSTEM: Actor = { kind: "system", job: "spend-alerts" };

export async function evaluateSpendAlerts({ now = clock.now() }: { now?: Date } = {}): Promise<{ notified: number }> {
  const periodStart = periodStartOf(now);
  // Only alerts not yet fired this period need the customer's figures.
  const open = await db().spendAlert.findMany({
    where: { firings: { none: { periodStart } } },
    select: { id: true, customerId: true, kind: true, threshold: true },
    orderBy: { customerId: "asc" },
  });
  const byCustomer = new Map<string, typeof open>();
  for (const alert of open) byCustomer.set(alert.customerId, [...(byCustomer.get(alert.customerId) ?? []), alert]);
  let notified = 0;
  for (const [customerId, alerts] of byCustomer) {
    const { billing } = await loadDashboard({ actor: SYSTEM, customerId, now });
    if (!billing) continue;
    const figures = {
      currency: billing.currency,
      totalMinor: billing.totalMinor,
      usageBeforeCapMinor: billing.usageBeforeCapMinor,
      capMinor: billing.capMinor,
      forecastMinor: billing.forecast.expected.totalMinor,
    };
    for (const alert of alerts) {
      const crossing = spendAlertCrossing({ kind: alert.kind, threshold: alert.threshold.toString() }, figures);
      if (crossing && (await fire({ alert, periodStart, figures, message: crossing }))) notified += 1;
    }
  }
  return { notified };
}

async function fire({
  alert,
  periodStart,
  figures,
  message,
}: {
  alert: { id: string; customerId: string; kind: SpendAlertKind; threshold: Prisma.Decimal };
  periodStart: Date;
  figures: SpendFigures;
  message: { title: string; body: string };
}) {
  const { customerId } = alert;
  return transaction(async (tx) => {
    const inserted = await tx.$executeRaw`
      INSERT INTO spend_alert_firing ("alertId", "customerId", "periodStart", "firedAt")
      SELECT ${alert.id}::uuid, ${customerId}::uuid, ${periodStart}, ${clock.now()}::timestamptz
      WHERE EXISTS (SELECT 1 FROM spend_alert WHERE "id" = ${alert.id}::uuid)
      ON CONFLICT ("alertId", "periodStart") DO NOTHING`;
    if (inserted === 0) return false;
    await tx.notification.create({
      data: { customerId, userId: null, kind: "spend_alert", ...message, link: "/dashboard", createdAt: clock.now() },
    });
    const { externalId } = await tx.customer.findUniqueOrThrow({ where: { id: customerId } });
    await enqueueWebhook(tx, {
      type: "spend_alert.crossed",
      payload: {
        alertId: alert.id,
        customerId,
        customerExternalId: externalId,
        kind: alert.kind,
        threshold: alert.threshold.toString(),
        period: periodStart.toISOString().slice(0, 7),
        currency: figures.currency,
        totalMinor: figures.totalMinor.toString(),
        forecastMinor: figures.forecastMinor.toString(),
        capMinor: figures.capMinor?.toString() ?? null,
        title: message.title,
        links: { dashboard: appLink(`/dashboard`) },
      },
    });
    return true;
  });
}
