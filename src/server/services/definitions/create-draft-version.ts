// Starts the next version of a definition as a draft.
import type { Actor } from "@/domain/actor";
import { actorLabel } from "@/domain/actor";
import type { Prisma } from "@/generated/prisma/client";
import { transaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { VersionRuleInput } from "./definition-schema";

export async function createDraftVersion({
  actor,
  definitionKey,
  input,
}: {
  actor: Actor;
  definitionKey: string;
  input: VersionRuleInput;
}) {
  const fields = VersionRuleInput.parse(input);
  return transaction(async (tx) => {
    const definition = await tx.outcomeDefinition.findUnique({ where: { key: definitionKey } });
    if (!definition) throw AppError.notFound(`The definition "${definitionKey}"`);
    // Locks the definition's versions so two drafts cannot take the same number.
    await tx.$executeRaw`SELECT 1 FROM outcome_definition WHERE id = ${definition.id}::uuid FOR UPDATE`;
    const last = await tx.definitionVersion.findFirst({
      where: { definitionId: definition.id },
      orderBy: { number: "desc" },
    });
    if (last?.status === "draft") {
      throw new AppError("CONFLICT", `Version ${last.number} is still a draft: edit or publish it first.`);
    }
    const version = await tx.definitionVersion.create({
      data: {
        definitionId: definition.id,
        number: (last?.number ?? 0) + 1,
        criteria: fields.criteria as Prisma.InputJsonValue,
        observationWindowHours: fields.observationWindowHours,
        defaultUnitPrice: fields.defaultUnitPrice,
        changeNote: fields.changeNote,
        authorLabel: actorLabel(actor),
      },
    });
    await appendAuditEntry(tx, {
      actor,
      action: "definition.version_drafted",
      subjectType: "definition_version",
      subjectId: version.id,
      customerId: null,
      after: { definition: definition.key, number: version.number, ...fields },
    });
    return version;
  });
}
