// Customers read the rules that bill them: published (and retired) versions, never a draft
// nor anything about one. Provider staff read everything.
import { beforeAll, describe, expect, it } from "vitest";
import { createDefinition } from "@/server/services/definitions/create-definition";
import { createDraftVersion } from "@/server/services/definitions/create-draft-version";
import { callerFor, makeCustomer, makeDefinition, makeUser, testActor, uniqueId } from "../support/fixtures";

const DRAFT_NOTE = "Secret: stop billing reopened tickets next quarter";
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
  observationWindowHours: 24,
  defaultUnitPrice: "1.10",
  changeNote: DRAFT_NOTE,
};

let published: string;
let onlyDraft: string;
let customerUsers: Awaited<ReturnType<typeof makeUser>>[];
let staff: Awaited<ReturnType<typeof makeUser>>[];

beforeAll(async () => {
  published = (await makeDefinition()).key;
  await createDraftVersion({ actor: testActor, definitionKey: published, input: rule });
  onlyDraft = uniqueId("unpublished").replaceAll("-", "_");
  await createDefinition({
    actor: testActor,
    input: { key: onlyDraft, name: "Lead qualified", unitLabel: "qualified lead", firstVersion: rule },
  });
  const customer = await makeCustomer();
  customerUsers = await Promise.all([makeUser("finance", customer.id), makeUser("viewer", customer.id)]);
  staff = await Promise.all([makeUser("admin"), makeUser("reviewer")]);
});

describe("definition drafts", () => {
  it("are left out of what customers read, with everything about them", async () => {
    for (const user of customerUsers) {
      const caller = callerFor(user);
      const definition = await caller.definitions.byKey({ definitionKey: published });
      expect(definition.versions.map((v) => [v.number, v.status])).toEqual([[1, "published"]]);
      const list = await caller.definitions.list();
      expect(list.find((d) => d.key === published)?.versions.map((v) => v.number)).toEqual([1]);
      expect(list.some((d) => d.key === onlyDraft)).toBe(false);
      expect(JSON.stringify([definition, list])).not.toContain(DRAFT_NOTE);
    }
  });

  it("answer NOT_FOUND when a customer asks for one", async () => {
    for (const user of customerUsers) {
      const caller = callerFor(user);
      await expect(caller.definitions.version({ definitionKey: published, number: 2 })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(caller.definitions.byKey({ definitionKey: onlyDraft })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(caller.definitions.version({ definitionKey: published, number: 1 })).resolves.toMatchObject({
        version: { number: 1, status: "published" },
      });
    }
  });

  it("are read by provider staff", async () => {
    for (const user of staff) {
      const caller = callerFor(user);
      const definition = await caller.definitions.byKey({ definitionKey: published });
      expect(definition.versions.map((v) => [v.number, v.status])).toEqual([
        [1, "published"],
        [2, "draft"],
      ]);
      expect((await caller.definitions.list()).some((d) => d.key === onlyDraft)).toBe(true);
      await expect(caller.definitions.version({ definitionKey: published, number: 2 })).resolves.toMatchObject({
        version: { status: "draft", changeNote: DRAFT_NOTE },
      });
    }
  });
});
