// Edits a draft version: its criteria, window, price and change note. Published versions never
// change (the database refuses it too), so only a draft can be edited.
import type { Actor } from "@/domain/actor";
import type { Prisma } from "@/generated/prisma/client";
import { transaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { VersionRuleInput } from "./definition-schema";

export async function updateDraftVersion({
  actor,
  definitionKey,
  number,
  input,
}: {
  actor: Actor;
  definitionKey: string;
  number: number;
  input: VersionRuleInput;
}) {
  const fields = VersionRuleInput.parse(input);
  return transaction(async (tx) => {
    const definition = await tx.outcomeDefinition.findUnique({ where: { key: definitionKey } });
    if (!definition) throw AppError.notFound(`The definition "${definitionKey}"`);
    await tx.$executeRaw`SELECT 1 FROM outcome_definition WHERE id = ${definition.id}::uuid FOR UPDATE`;
    const version = await tx.definitionVersion.findUnique({
      where: { definitionId_number: { definitionId: definition.id, number } },
    });
    if (!version) throw AppError.notFound(`Version ${number} of "${definitionKey}"`);
    if (version.status !== "draft") {
      throw new AppError(
        "CONFLICT",
        `Version ${number} is ${version.status} and can never change; start a new draft instead.`,
      );
    }
    const updated = await tx.definitionVersion.update({
      where: { id: version.id },
      data: {
        criteria: fields.criteria as Prisma.InputJsonValue,
        observationWindowHours: fields.observationWindowHours,
        defaultUnitPrice: fields.defaultUnitPrice,
        changeNote: fields.changeNote,
      },
    });
    await appendAuditEntry(tx, {
      actor,
      action: "definition.draft_updated",
      subjectType: "definition_version",
      subjectId: version.id,
      customerId: null,
      before: {
        criteria: version.criteria,
        observationWindowHours: version.observationWindowHours,
        defaultUnitPrice: version.defaultUnitPrice.toString(),
        changeNote: version.changeNote,
      },
      after: { definition: definitionKey, number, ...fields },
    });
    return updated;
  });
}
