// Publishes a draft version from an effective time on. From then on it is immutable (the
// database refuses changes too); attempts that occur from that time are evaluated under it,
// and attempts already evaluated keep the version they started under.
// A new version never reaches back into billed history: once a definition has attempts, its
// next version takes effect now or later, and never inside a period already finalized for any
// customer (a follow-up event on an old attempt would otherwise re-evaluate it under the new
// rule). A definition's first version may be dated back: nothing has been evaluated under it.
// Disputes the version addresses are linked, so their customers read "addressed in version N".
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { clock } from "@/server/clock";
import { transaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { instant, int, text } from "@/server/input-rules";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { notifyCustomerFinance } from "@/server/services/notifications/notify";

/** Clock skew between the admin's browser and the server that "now" tolerates. */
const NOW_TOLERANCE_MS = 5 * 60_000;

export const PublishVersionInput = z.strictObject({
  definitionKey: text().min(1),
  number: int().positive(),
  effectiveFrom: instant("Give the effective-from time as an ISO 8601 time."),
  /** Replaces the draft's change note when given; a published version always has one. */
  changeNote: text().trim().min(1, "Say what this version changes and why.").max(2_000).optional(),
  /** The disputes this version addresses (resolved or open disputes about this definition). */
  addressesDisputeIds: z.array(z.uuid()).max(500).default([]),
});

export async function publishDefinitionVersion({
  actor,
  input,
  now = clock.now(),
}: {
  actor: Actor;
  input: z.input<typeof PublishVersionInput>;
  now?: Date;
}) {
  const { definitionKey, number, effectiveFrom, changeNote, addressesDisputeIds } = PublishVersionInput.parse(input);
  return transaction(async (tx) => {
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
    const refuse = (message: string, field = "effectiveFrom") => {
      throw new AppError("VALIDATION_FAILED", message, [{ path: field, message }]);
    };
    if (latest?.effectiveFrom && effectiveFrom <= latest.effectiveFrom) {
      refuse(
        `Version ${number} must take effect after version ${latest.number}, which is in force from ${latest.effectiveFrom.toISOString()}.`,
      );
    }
    const hasAttempts =
      (await tx.attempt.findFirst({ where: { definitionId: definition.id }, select: { id: true } })) !== null;
    if (hasAttempts) {
      if (effectiveFrom.getTime() < now.getTime() - NOW_TOLERANCE_MS) {
        refuse("A new version takes effect now or later: attempts already evaluated keep the version they had.");
      }
      const lastFinalized = await tx.invoice.findFirst({
        where: { status: "finalized" },
        orderBy: { periodEnd: "desc" },
        select: { periodEnd: true },
      });
      if (lastFinalized && effectiveFrom < lastFinalized.periodEnd) {
        refuse(
          `That time is inside a billing period already finalized; choose ${lastFinalized.periodEnd.toISOString()} or later.`,
        );
      }
    }
    const disputes = addressesDisputeIds.length
      ? await tx.dispute.findMany({
          where: { id: { in: addressesDisputeIds }, outcomes: { some: { definitionId: definition.id } } },
          select: { id: true, number: true, customerId: true },
        })
      : [];
    if (disputes.length !== new Set(addressesDisputeIds).size) {
      refuse(`Some of the linked disputes are not about ${definition.name}.`, "addressesDisputeIds");
    }
    if (changeNote) await tx.definitionVersion.update({ where: { id: version.id }, data: { changeNote } });
    const published = await tx.definitionVersion.update({
      where: { id: version.id },
      data: { status: "published", effectiveFrom, publishedAt: now },
    });
    if (disputes.length > 0) {
      await tx.dispute.updateMany({
        where: { id: { in: disputes.map((d) => d.id) } },
        data: { addressedByVersionId: version.id },
      });
      for (const d of disputes) {
        await notifyCustomerFinance(tx, d.customerId, {
          kind: "dispute.addressed",
          title: `${d.number} was addressed in ${definition.name} version ${number}`,
          body: `From ${effectiveFrom.toISOString().slice(0, 16).replace("T", " ")} UTC outcomes are evaluated under the new rule.`,
          link: `/disputes/${d.id}`,
        });
      }
    }
    await appendAuditEntry(tx, {
      actor,
      action: "definition.version_published",
      subjectType: "definition_version",
      subjectId: version.id,
      customerId: null,
      before: { status: "draft" },
      after: {
        definition: definitionKey,
        number,
        status: "published",
        effectiveFrom,
        changeNote: changeNote ?? version.changeNote,
        addressesDisputes: disputes.map((d) => d.number),
      },
    });
    return published;
  });
}
