// Retires a published version once a later one is in force. It keeps governing the attempts of
// its own time (evaluation chooses versions by effective time, retired included), so retiring
// only records that it is superseded; the version in force cannot be retired.
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { clock } from "@/server/clock";
import { transaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { int, text } from "@/server/input-rules";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";

export const RetireVersionInput = z.strictObject({
  definitionKey: text().min(1),
  number: int().positive(),
});

export async function retireDefinitionVersion({
  actor,
  input,
  now = clock.now(),
}: {
  actor: Actor;
  input: z.input<typeof RetireVersionInput>;
  now?: Date;
}) {
  const { definitionKey, number } = RetireVersionInput.parse(input);
  return transaction(async (tx) => {
    const definition = await tx.outcomeDefinition.findUnique({ where: { key: definitionKey } });
    if (!definition) throw AppError.notFound(`The definition "${definitionKey}"`);
    await tx.$executeRaw`SELECT 1 FROM outcome_definition WHERE id = ${definition.id}::uuid FOR UPDATE`;
    const version = await tx.definitionVersion.findUnique({
      where: { definitionId_number: { definitionId: definition.id, number } },
    });
    if (!version) throw AppError.notFound(`Version ${number} of "${definitionKey}"`);
    if (version.status !== "published") {
      throw new AppError(
        "CONFLICT",
        `Version ${number} is ${version.status}; only a published version can be retired.`,
      );
    }
    const successor = await tx.definitionVersion.findFirst({
      where: {
        definitionId: definition.id,
        status: "published",
        effectiveFrom: { gt: version.effectiveFrom ?? new Date(0), lte: now },
      },
      select: { number: true },
    });
    if (!successor) {
      throw new AppError(
        "CONFLICT",
        `Version ${number} is the version in force; publish its successor and let it take effect before retiring it.`,
      );
    }
    const retired = await tx.definitionVersion.update({
      where: { id: version.id },
      data: { status: "retired", retiredAt: now },
    });
    await appendAuditEntry(tx, {
      actor,
      action: "definition.version_retired",
      subjectType: "definition_version",
      subjectId: version.id,
      customerId: null,
      before: { status: "published" },
      after: { definition: definitionKey, number, status: "retired", supersededBy: successor.number },
    });
    return retired;
  });
}
