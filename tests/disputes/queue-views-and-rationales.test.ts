import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, makeUser, uniqueId } from "../support/fixtures";

describe("saved queue views", () => {
  it("keeps each reviewer's named filters and sort, server-side, with one default", async () => {
    const [ana, ben] = await Promise.all([makeUser("reviewer"), makeUser("reviewer")]);
    const asAna = callerFor(ana);
    await asAna.disputes.saveView({
      name: "Mine, oldest first",
      filters: { assignee: "me", sort: "sla" },
      isDefault: true,
    });
    await asAna.disputes.saveView({ name: "Breached", filters: { age: "breached", sort: "amount" } });
    // Saving under a name replaces it; a new default takes over from the old one.
    await asAna.disputes.saveView({ name: "Breached", filters: { age: "breached", sort: "newest" }, isDefault: true });
    const views = await asAna.disputes.views();
    expect(views.map((v) => [v.name, v.isDefault, v.filters.sort])).toEqual([
      ["Breached", true, "newest"],
      ["Mine, oldest first", false, "sla"],
    ]);
    expect(await callerFor(ben).disputes.views()).toEqual([]);
    // Ben cannot delete Ana's view: it is not found for him.
    await expect(callerFor(ben).disputes.deleteView({ viewId: views[0]!.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await asAna.disputes.deleteView({ viewId: views[0]!.id });
    expect((await asAna.disputes.views()).map((v) => v.name)).toEqual(["Mine, oldest first"]);
  });

  it("refuses a view without a name or with a filter the queue does not know", async () => {
    const asAna = callerFor(await makeUser("reviewer"));
    await expect(asAna.disputes.saveView({ name: " ", filters: {} })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(asAna.disputes.saveView({ name: "x", filters: { sort: "loudest" } as never })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe("canned rationales", () => {
  it("are edited by admins, offered to reviewers per root cause, and audited", async () => {
    const admin = callerFor(await makeUser("admin"));
    const reviewer = callerFor(await makeUser("reviewer"));
    const words = `${uniqueId("We checked")}: the ticket was reopened within the window.`;
    const saved = await admin.settings.saveCannedRationale({ rootCause: "detection_error", text: words });
    expect((await reviewer.settings.cannedRationales()).filter((r) => r.id === saved.id)).toEqual([
      { id: saved.id, rootCause: "detection_error", text: words },
    ]);
    await admin.settings.saveCannedRationale({ id: saved.id, rootCause: "detection_error", text: `${words} Edited.` });
    await expect(
      reviewer.settings.saveCannedRationale({ rootCause: "duplicate", text: "A reviewer's own words here." }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await admin.settings.deleteCannedRationale({ id: saved.id });
    const audit = await db().auditEntry.findMany({ where: { subjectId: saved.id }, orderBy: { seq: "asc" } });
    expect(audit.map((e) => e.action)).toEqual([
      "provider.canned_rationale_saved",
      "provider.canned_rationale_saved",
      "provider.canned_rationale_deleted",
    ]);
  });
});
