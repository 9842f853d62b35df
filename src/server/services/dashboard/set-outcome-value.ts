// A customer's finance user states what one billable outcome of a definition is worth to
// them; the dashboard turns it into value delivered and ROI. Setting the same value again
// changes nothing and writes no audit entry.
import { z } from "zod";
import { canSeeCustomer, customerScopeOf } from "@/domain/access/customer-scope";
import { type Actor, actorLabel } from "@/domain/actor";
import { Dec } from "@/domain/money";
import { transaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { DecimalAmount } from "@/server/services/ingestion/ingest-event-schema";

export const SetOutcomeValueInput = z.object({
  definitionId: z.uuid("Choose an outcome definition."),
  valuePerOutcome: DecimalAmount,
});
export type SetOutcomeValueInput = z.input<typeof SetOutcomeValueInput>;

export async function setOutcomeValue({
  actor,
  customerId,
  input,
}: {
  actor: Actor;
  customerId: string;
  input: SetOutcomeValueInput;
}) {
  const { definitionId, valuePerOutcome } = SetOutcomeValueInput.parse(input);
  if (!canSeeCustomer(customerScopeOf(actor), customerId)) throw AppError.notFound("The customer");
  const value = new Dec(valuePerOutcome).toFixed();
  return transaction(async (tx) => {
    const definition = await tx.outcomeDefinition.findUnique({
      where: { id: definitionId },
      select: { id: true, key: true },
    });
    if (!definition) throw AppError.notFound("The outcome definition");
    const key = { customerId_definitionId: { customerId, definitionId } };
    // Locks the row (when there is one) so concurrent changes record their before-values in order.
    await tx.$executeRaw`SELECT 1 FROM outcome_value
      WHERE "customerId" = ${customerId}::uuid AND "definitionId" = ${definitionId}::uuid FOR UPDATE`;
    const previous = await tx.outcomeValue.findUnique({ where: key, select: { valuePerOutcome: true } });
    const before = previous ? new Dec(previous.valuePerOutcome.toString()).toFixed() : null;
    if (before === value) return { definitionId, valuePerOutcome: value, changed: false };
    await tx.outcomeValue.upsert({
      where: key,
      create: { customerId, definitionId, valuePerOutcome: value, updatedBy: actorLabel(actor) },
      update: { valuePerOutcome: value, updatedBy: actorLabel(actor) },
    });
    await appendAuditEntry(tx, {
      actor,
      action: "outcome_value.set",
      subjectType: "outcome_value",
      subjectId: `${customerId}/${definitionId}`,
      customerId,
      before: before === null ? null : { definition: definition.key, valuePerOutcome: before },
      after: { definition: definition.key, valuePerOutcome: value },
    });
    return { definitionId, valuePerOutcome: value, changed: true };
  });
}
