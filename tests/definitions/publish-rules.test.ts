import { describe, expect, it } from "vitest";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { createDraftVersion } from "@/server/services/definitions/create-draft-version";
import { publishDefinitionVersion } from "@/server/services/definitions/publish-definition-version";
import { retireDefinitionVersion } from "@/server/services/definitions/retire-definition-version";
import { updateDraftVersion } from "@/server/services/definitions/update-draft-version";
import { ingestEvents } from "@/server/services/ingestion/ingest-events";
import { claim, disputeSetup } from "../disputes/dispute-fixtures";
import { callerFor, makeUser, testActor, uniqueId } from "../support/fixtures";

const stricter = {
  criteria: [
    {
      attribute: "closedBy",
      operator: "eq" as const,
      value: "ai",
      label: "Closed by the AI",
      whenMissing: "pending" as const,
    },
    { attribute: "reopened", operator: "is_false" as const, label: "Not reopened", whenMissing: "fail" as const },
  ],
  observationWindowHours: 72,
  defaultUnitPrice: "0.99",
  changeNote: "A missing reopen flag no longer counts as not reopened.",
};

describe("publishing a definition version", () => {
  it("never reaches back into history once attempts exist, and applies from its effective time on", async () => {
    const s = await disputeSetup();
    const key = s.definition.key;
    await createDraftVersion({ actor: testActor, definitionKey: key, input: stricter });
    await expect(
      publishDefinitionVersion({
        actor: testActor,
        input: { definitionKey: key, number: 2, effectiveFrom: new Date(clock.now().getTime() - 86_400_000) },
      }),
    ).rejects.toThrow(/now or later/);
    const published = await publishDefinitionVersion({
      actor: testActor,
      input: { definitionKey: key, number: 2, effectiveFrom: clock.now(), changeNote: "Stricter reopen rule." },
    });
    expect(published).toMatchObject({ status: "published", changeNote: "Stricter reopen rule." });
    // Attempts already evaluated keep version 1; an attempt from now on is evaluated under version 2.
    const before = await db().attempt.findMany({
      where: { customerId: s.customer.id },
      include: { definitionVersion: true },
    });
    expect(new Set(before.map((a) => a.definitionVersion.number))).toEqual(new Set([1]));
    const { results } = await ingestEvents({
      actor: testActor,
      items: [
        {
          id: uniqueId("evt"),
          customer: s.customer.externalId,
          definition: key,
          subject: uniqueId("t"),
          occurredAt: new Date(clock.now().getTime() + 1_000).toISOString(),
          attributes: { closedBy: "ai" },
        },
      ],
    });
    const fresh = await db().attempt.findUniqueOrThrow({
      where: { id: results[0]!.attemptId! },
      include: { definitionVersion: true },
    });
    expect(fresh.definitionVersion.number).toBe(2);
  });

  it("edits only drafts: a published version refuses every change", async () => {
    const s = await disputeSetup({ attempts: 1, billable: 1 });
    await expect(
      updateDraftVersion({ actor: testActor, definitionKey: s.definition.key, number: 1, input: stricter }),
    ).rejects.toThrow(/published and can never change/);
    await createDraftVersion({ actor: testActor, definitionKey: s.definition.key, input: stricter });
    const edited = await updateDraftVersion({
      actor: testActor,
      definitionKey: s.definition.key,
      number: 2,
      input: { ...stricter, observationWindowHours: 96 },
    });
    expect(edited.observationWindowHours).toBe(96);
    const admin = await makeUser("admin");
    const reviewer = await makeUser("reviewer");
    await expect(
      callerFor(reviewer).definitions.updateDraft({ definitionKey: s.definition.key, number: 2, rule: stricter }),
    ).rejects.toThrow(/role does not allow/);
    await expect(
      callerFor(admin).definitions.updateDraft({
        definitionKey: s.definition.key,
        number: 2,
        rule: { ...stricter, criteria: [{ ...stricter.criteria[0]!, operator: "in" }] },
      }),
    ).rejects.toThrow(/needs a list of values/);
  });

  it("links the disputes it addresses, only disputes about this definition", async () => {
    const s = await disputeSetup();
    const other = await disputeSetup();
    const mine = await s.asFinance.disputes.open({
      ...claim,
      scope: { kind: "outcomes", attemptIds: [s.billable[0]!] },
    });
    const theirs = await other.asFinance.disputes.open({
      ...claim,
      scope: { kind: "outcomes", attemptIds: [other.billable[0]!] },
    });
    await createDraftVersion({ actor: testActor, definitionKey: s.definition.key, input: stricter });
    await expect(
      publishDefinitionVersion({
        actor: testActor,
        input: {
          definitionKey: s.definition.key,
          number: 2,
          effectiveFrom: clock.now(),
          addressesDisputeIds: [theirs.disputeId],
        },
      }),
    ).rejects.toThrow(/not about/);
    const version = await publishDefinitionVersion({
      actor: testActor,
      input: {
        definitionKey: s.definition.key,
        number: 2,
        effectiveFrom: clock.now(),
        addressesDisputeIds: [mine.disputeId],
      },
    });
    const dispute = await db().dispute.findUniqueOrThrow({ where: { id: mine.disputeId } });
    expect(dispute.addressedByVersionId).toBe(version.id);
  });

  it("retires a version only once its successor is in force", async () => {
    const s = await disputeSetup({ attempts: 1, billable: 1 });
    const key = s.definition.key;
    await expect(
      retireDefinitionVersion({ actor: testActor, input: { definitionKey: key, number: 1 } }),
    ).rejects.toThrow(/version in force/);
    await createDraftVersion({ actor: testActor, definitionKey: key, input: stricter });
    await publishDefinitionVersion({
      actor: testActor,
      input: { definitionKey: key, number: 2, effectiveFrom: clock.now() },
    });
    const retired = await retireDefinitionVersion({
      actor: testActor,
      input: { definitionKey: key, number: 1 },
      now: new Date(clock.now().getTime() + 1_000),
    });
    expect(retired.status).toBe("retired");
  });
});
