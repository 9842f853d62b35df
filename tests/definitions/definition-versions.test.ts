import { describe, expect, it } from "vitest";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { createDraftVersion } from "@/server/services/definitions/create-draft-version";
import { publishDefinitionVersion } from "@/server/services/definitions/publish-definition-version";
import { ingestEvents } from "@/server/services/ingestion/ingest-events";
import { asRole, ownerUrl } from "../support/database-roles";
import { makeCustomer, makeDefinition, testActor, uniqueId } from "../support/fixtures";

const rule = {
  criteria: [
    {
      attribute: "closedBy",
      operator: "eq" as const,
      value: "ai",
      label: "Closed by the AI",
      whenMissing: "fail" as const,
    },
  ],
  observationWindowHours: 0,
  defaultUnitPrice: "1.10",
  changeNote: "Stricter",
};

describe("definition versions", () => {
  it("refuses any change to a published version, in the database too", async () => {
    const { versionId } = await makeDefinition();
    await expect(
      db().definitionVersion.update({ where: { id: versionId }, data: { observationWindowHours: 1 } }),
    ).rejects.toThrow(/immutable/);
    // The app's role may not delete versions at all; the owner meets the trigger.
    await expect(db().definitionVersion.delete({ where: { id: versionId } })).rejects.toThrow(/permission denied/);
    await expect(
      asRole(ownerUrl(), (owner) => owner.query('DELETE FROM definition_version WHERE "id" = $1', [versionId])),
    ).rejects.toThrow(/cannot be deleted/);
  });

  it("evaluates each attempt under the version in force when it happened", async () => {
    const customer = await makeCustomer();
    const { key } = await makeDefinition({ effectiveFrom: new Date("2026-01-01T00:00:00Z") });
    await createDraftVersion({ actor: testActor, definitionKey: key, input: rule });
    const switchAt = new Date(clock.now().getTime() - 10 * 24 * 3_600_000);
    await publishDefinitionVersion({
      actor: testActor,
      input: { definitionKey: key, number: 2, effectiveFrom: switchAt },
    });
    const at = (ms: number) => new Date(switchAt.getTime() + ms).toISOString();
    const { results } = await ingestEvents({
      actor: testActor,
      items: [-1, 0].map((offset) => ({
        id: uniqueId("evt"),
        customer: customer.externalId,
        definition: key,
        subject: uniqueId("t"),
        occurredAt: at(offset),
        attributes: { closedBy: "ai" },
      })),
    });
    const versions = await Promise.all(
      results.map((r) =>
        db().attempt.findUniqueOrThrow({ where: { id: r.attemptId! }, include: { definitionVersion: true } }),
      ),
    );
    expect(versions.map((a) => a.definitionVersion.number)).toEqual([1, 2]);
  });

  it("refuses to publish a version that would take effect before the one in force", async () => {
    const { key } = await makeDefinition({ effectiveFrom: new Date("2026-06-01T00:00:00Z") });
    await createDraftVersion({ actor: testActor, definitionKey: key, input: rule });
    await expect(
      publishDefinitionVersion({
        actor: testActor,
        input: { definitionKey: key, number: 2, effectiveFrom: new Date("2026-05-01T00:00:00Z") },
      }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });
});
