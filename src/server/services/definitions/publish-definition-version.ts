// Publishes a draft version from an effective time on. From then on it is immutable (the
// database refuses changes too); attempts that occur from that time are evaluated under it,
// and attempts already evaluated keep the version they started under.
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";

export const PublishVersionInput = z.strictObject({
  definitionKey: z.string().min(1),
  number: z.number().int().positive(),
  effectiveFrom: z.coerce.date("Give the effective-from time as an ISO 8601 time."),
});

export async function publishDefinitionVersion({
  actor,
  input,
}: {
  actor: Actor;
  input: z.input<typeof PublishVersionInput>;
}) {
  const { definitionKey, number, effectiveFrom } = PublishVersionInput.parse(input);
  return db().$transaction(async (tx) => {
    const definition = await tx.outcomeDefinition.findUnique({ where: { key: definitionKey } });
    if (!definition) throw AppError.notFound(`The definition "${definitionKey}"`);
    await tx.$executeRaw`SELECT 1 FROM outcome_definition WHERE id = ${definition.id}::uuid FOR UPDATE`;
    const version = await tx.definitionVersion.findUnique({
      where: { definitionId_number: { definitionId: definition.id, number } },
    });
    if (!version) throw AppError.notFound(`Version ${number} of "${definitionKey}"`);
    if (version.status !== "draft") throw new AppError("CONFLICT", `Version ${number} is already ${version.status}.`);
    const latest = await tx.definitionVersion.findFirst({
      where: { definitionId: definition.id, status: { in: ["published", "retired"] } },
      orderBy: { effectiveFrom: "desc" },
    });
    if (latest?.effectiveFrom && effectiveFrom <= latest.effectiveFrom) {
      throw new AppError(
        "VALIDATION_FAILED",
        `Version ${number} must take effect after version ${latest.number}, which is in force from ${latest.effectiveFrom.toISOString()}.`,
        [{ path: "effectiveFrom", message: "Must be later than the version in force." }],
      );
    }
    const published = await tx.definitionVersion.update({
      where: { id: version.id },
      data: { status: "published", effectiveFrom, publishedAt: new Date() },
    });
    await appendAuditEntry(tx, {
      actor,
      action: "definition.version_published",
      subjectType: "definition_version",
      subjectId: version.id,
      customerId: null,
      before: { status: "draft" },
      after: { definition: definitionKey, number, status: "published", effectiveFrom },
    });
    return published;
  });
}
