// Creates an outcome definition with its first version as a draft (publish it to apply it).
import type { Actor } from "@/domain/actor";
import { actorLabel } from "@/domain/actor";
import type { Prisma } from "@/generated/prisma/client";
import { transaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { DefinitionInput } from "./definition-schema";

export async function createDefinition({ actor, input }: { actor: Actor; input: DefinitionInput }) {
  const fields = DefinitionInput.parse(input);
  return transaction(async (tx) => {
    if (await tx.outcomeDefinition.findUnique({ where: { key: fields.key } })) {
      throw new AppError("CONFLICT", `A definition with the key "${fields.key}" already exists.`, [
        { path: "key", message: "Already in use." },
      ]);
    }
    const definition = await tx.outcomeDefinition.create({
      data: { key: fields.key, name: fields.name, description: fields.description, unitLabel: fields.unitLabel },
    });
    const version = await tx.definitionVersion.create({
      data: {
        definitionId: definition.id,
        number: 1,
        criteria: fields.firstVersion.criteria as Prisma.InputJsonValue,
        observationWindowHours: fields.firstVersion.observationWindowHours,
        defaultUnitPrice: fields.firstVersion.defaultUnitPrice,
        changeNote: fields.firstVersion.changeNote,
        authorLabel: actorLabel(actor),
      },
    });
    await appendAuditEntry(tx, {
      actor,
      action: "definition.created",
      subjectType: "definition",
      subjectId: definition.id,
      customerId: null,
      after: {
        key: definition.key,
        name: definition.name,
        unitLabel: definition.unitLabel,
        firstVersion: fields.firstVersion,
      },
    });
    return { definition, version };
  });
}
