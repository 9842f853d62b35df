// A finance user asks to be told when this month's spend crosses a threshold.
import { z } from "zod";
import { canSeeCustomer, customerScopeOf } from "@/domain/access/customer-scope";
import { type Actor, actorLabel } from "@/domain/actor";
import { Dec } from "@/domain/money";
import { transaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { DecimalAmount } from "@/server/services/ingestion/ingest-event-schema";

export const SPEND_ALERT_KINDS = ["cap_share", "amount", "forecast_above"] as const;

export const CreateSpendAlertInput = z
  .object({
    kind: z.enum(SPEND_ALERT_KINDS, "Choose what the alert watches."),
    /** cap_share: percent of the cap (80 = 80 %); amount, forecast_above: major units of the currency. */
    threshold: DecimalAmount,
  })
  .refine((a) => !new Dec(a.threshold).isZero(), { path: ["threshold"], message: "The threshold is above 0." })
  .refine((a) => a.kind !== "cap_share" || new Dec(a.threshold).lte(100), {
    path: ["threshold"],
    message: "A share of the cap is a percentage up to 100.",
  });
export type CreateSpendAlertInput = z.input<typeof CreateSpendAlertInput>;

export async function createSpendAlert({
  actor,
  customerId,
  input,
}: {
  actor: Actor;
  customerId: string;
  input: CreateSpendAlertInput;
}) {
  const { kind, threshold } = CreateSpendAlertInput.parse(input);
  if (!canSeeCustomer(customerScopeOf(actor), customerId)) throw AppError.notFound("The customer");
  return transaction(async (tx) => {
    const alert = await tx.spendAlert.create({
      data: { customerId, kind, threshold: new Dec(threshold).toFixed(), createdBy: actorLabel(actor) },
      select: { id: true, kind: true, createdAt: true },
    });
    await appendAuditEntry(tx, {
      actor,
      action: "spend_alert.created",
      subjectType: "spend_alert",
      subjectId: alert.id,
      customerId,
      after: { kind, threshold: new Dec(threshold).toFixed() },
    });
    return { id: alert.id };
  });
}
