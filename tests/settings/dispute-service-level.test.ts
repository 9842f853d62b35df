import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { getProviderSettings } from "@/server/services/settings/get-provider-settings";
import { callerFor, makeUser } from "../support/fixtures";

let admin: Awaited<ReturnType<typeof makeUser>>;
let reviewer: Awaited<ReturnType<typeof makeUser>>;
let original: number;

beforeAll(async () => {
  [admin, reviewer] = await Promise.all([makeUser("admin"), makeUser("reviewer")]);
  original = (await getProviderSettings()).disputeSlaBusinessDays;
});
// The setting is the provider's one row: leave it as the other tests expect it.
afterAll(async () => {
  await callerFor(admin).settings.updateDisputeServiceLevel({ businessDays: original });
});

describe("the dispute service level", () => {
  it("is set by an admin, in the same transaction as its audit entry", async () => {
    const next = original === 5 ? 6 : 5;
    const result = await callerFor(admin).settings.updateDisputeServiceLevel({ businessDays: next });
    expect(result).toEqual({ businessDays: next, changed: true });
    expect(await callerFor(reviewer).settings.get()).toMatchObject({ disputeSlaBusinessDays: next });
    const entry = await db().auditEntry.findFirst({
      where: { action: "provider.dispute_service_level_changed", subjectId: "1" },
      orderBy: { seq: "desc" },
    });
    expect(entry).toMatchObject({
      subjectType: "provider",
      subjectId: "1",
      before: { disputeSlaBusinessDays: original },
      after: { disputeSlaBusinessDays: next },
    });
  });

  it("records nothing when the value does not change", async () => {
    const { disputeSlaBusinessDays } = await getProviderSettings();
    const before = await db().auditEntry.count({ where: { action: "provider.dispute_service_level_changed" } });
    const result = await callerFor(admin).settings.updateDisputeServiceLevel({ businessDays: disputeSlaBusinessDays });
    expect(result).toEqual({ businessDays: disputeSlaBusinessDays, changed: false });
    expect(await db().auditEntry.count({ where: { action: "provider.dispute_service_level_changed" } })).toBe(before);
  });

  it.each([0, 31, 2.5])("refuses %s business days, naming the field", async (businessDays) => {
    await expect(callerFor(admin).settings.updateDisputeServiceLevel({ businessDays })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { issues: [expect.objectContaining({ path: ["businessDays"] })] },
    });
  });

  it("is for admins only to change", async () => {
    await expect(callerFor(reviewer).settings.updateDisputeServiceLevel({ businessDays: 3 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
