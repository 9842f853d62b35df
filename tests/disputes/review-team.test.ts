import { afterAll, describe, expect, it } from "vitest";
import { GET as getAttempt } from "@/app/api/v1/attempts/[id]/route";
import { closeApiRateLimiter } from "@/server/api/rate-limit";
import { clock } from "@/server/clock";
import { db, withCustomerScope } from "@/server/db";
import { updateAutoAssignment } from "@/server/services/settings/update-auto-assignment";
import { apiRequest, makeApiKey, routeParams } from "../support/api-keys";
import { callerFor, makeUser, testActor, uniqueId } from "../support/fixtures";
import { trpcOverHttp } from "../support/trpc-http";
import { claim, disputeSetup } from "./dispute-fixtures";

afterAll(() => closeApiRateLimiter());

describe("internal notes", () => {
  it("reach provider staff and never a customer, by tRPC, REST or the database itself", async () => {
    const s = await disputeSetup();
    const opened = await s.asFinance.disputes.open({
      ...claim,
      scope: { kind: "outcomes", attemptIds: [s.billable[0]!] },
    });
    const secret = uniqueId("internal-only");
    await s.asReviewer.disputes.addInternalNote({
      disputeId: opened.disputeId,
      body: `Customer is testing us: ${secret}`,
    });
    await s.asReviewer.disputes.reply({ disputeId: opened.disputeId, body: "We are looking into it." });

    const notes = await callerFor(await makeUser("admin")).disputes.internalNotes({ disputeId: opened.disputeId });
    expect(notes.map((n) => n.body)).toEqual([`Customer is testing us: ${secret}`]);

    // Every read a customer's pages make of this dispute, as the browser makes it.
    for (const customer of [s.finance, s.viewer]) {
      const http = trpcOverHttp(customer);
      const reads = await Promise.all([
        http.disputes.byId.query({ disputeId: opened.disputeId }),
        http.disputes.list.query({}),
        http.disputes.outcomes.query({ disputeId: opened.disputeId }),
        http.disputes.ofOutcome.query({ attemptId: s.billable[0]! }),
        http.notifications.list.query(),
      ]);
      expect(JSON.stringify(reads, (_, v) => (typeof v === "bigint" ? v.toString() : v))).not.toContain(secret);
      await expect(http.disputes.internalNotes.query({ disputeId: opened.disputeId })).rejects.toMatchObject({
        data: { code: "FORBIDDEN" },
      });
      await expect(
        http.disputes.addInternalNote.mutate({ disputeId: opened.disputeId, body: "a customer's try" }),
      ).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
    }
    // REST v1 (the provider's systems) answers an outcome without its dispute's notes.
    const { key } = await makeApiKey();
    const rest = await getAttempt(
      apiRequest(`/api/v1/attempts/${s.billable[0]}`, { key }),
      routeParams({ id: s.billable[0]! }),
    );
    expect(rest.status).toBe(200);
    expect(await rest.text()).not.toContain(secret);
    // Row security: a customer's transaction sees no note, even one of its own disputes.
    const seen = await withCustomerScope(s.customer.id, () => db().$transaction((tx) => tx.disputeNote.count()));
    expect(seen).toBe(0);
    // Audited, without the customer's id, so the customer's audit trail does not list it.
    const audit = await db().auditEntry.findFirst({
      where: { action: "dispute.internal_note_added", subjectType: "dispute_note" },
      orderBy: { seq: "desc" },
    });
    expect(audit).toMatchObject({ customerId: null });
  });
});

describe("someone else is looking at this", () => {
  it("shows each reviewer who else sent a heartbeat within the window, on the page and the queue", async () => {
    const s = await disputeSetup();
    const opened = await s.asFinance.disputes.open({
      ...claim,
      scope: { kind: "outcomes", attemptIds: [s.billable[0]!] },
    });
    const other = await makeUser("admin");
    const now = clock.now();
    const { recordPresence } = await import("@/server/services/disputes/record-presence");
    expect((await recordPresence({ actor: s.reviewer, input: { disputeId: opened.disputeId }, now })).others).toEqual(
      [],
    );
    const seen = await recordPresence({ actor: other, input: { disputeId: opened.disputeId }, now });
    expect(seen.others).toEqual(["Test reviewer"]);
    const { listReviewQueue } = await import("@/server/services/disputes/find-disputes");
    const queue = await listReviewQueue({ actor: s.reviewer, query: { customerId: s.customer.id }, now });
    expect(queue.disputes.find((d) => d.id === opened.disputeId)?.lookers).toEqual(["Test admin"]);
    // Three minutes later without a heartbeat, nobody is looking any more.
    const later = new Date(now.getTime() + 3 * 60_000);
    const after = await listReviewQueue({ actor: s.reviewer, query: { customerId: s.customer.id }, now: later });
    expect(after.disputes.find((d) => d.id === opened.disputeId)?.lookers).toEqual([]);
    await expect(s.asFinance.disputes.presence({ disputeId: opened.disputeId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("automatic assignment", () => {
  // The setting is the provider's one row: these cases run one after another and restore "off".
  afterAll(() => updateAutoAssignment({ actor: testActor, input: { mode: "off" } }));

  it("by customer gives each new dispute to the customer's reviewer, audited as the system's doing", async () => {
    const s = await disputeSetup();
    await updateAutoAssignment({
      actor: testActor,
      input: { mode: "by_customer", customerReviewers: [{ customerId: s.customer.id, reviewerId: s.reviewer.userId }] },
    });
    const opened = await s.asFinance.disputes.open({
      ...claim,
      scope: { kind: "outcomes", attemptIds: [s.billable[0]!] },
    });
    const dispute = await db().dispute.findUniqueOrThrow({ where: { id: opened.disputeId } });
    expect(dispute.assigneeId).toBe(s.reviewer.userId);
    const audit = await db().auditEntry.findMany({ where: { subjectId: opened.disputeId }, orderBy: { seq: "asc" } });
    expect(audit.map((e) => [e.action, e.actorLabel])).toEqual([
      ["dispute.opened", expect.any(String)],
      ["dispute.assigned", expect.stringContaining("auto-assignment")],
    ]);
    const changed = await db().auditEntry.findFirst({
      where: { action: "provider.auto_assignment_changed" },
      orderBy: { seq: "desc" },
    });
    expect(changed?.after).toMatchObject({ autoAssignment: "by_customer" });
  });

  it("round robin takes turns among active reviewers, and off leaves new disputes unassigned", async () => {
    const s = await disputeSetup();
    await updateAutoAssignment({ actor: testActor, input: { mode: "round_robin" } });
    const assignees: (string | null)[] = [];
    for (const attemptId of s.billable.slice(0, 3)) {
      const opened = await s.asFinance.disputes.open({
        ...claim,
        scope: { kind: "outcomes", attemptIds: [attemptId] },
      });
      assignees.push((await db().dispute.findUniqueOrThrow({ where: { id: opened.disputeId } })).assigneeId);
    }
    const reviewers = await db().user.findMany({ where: { role: "reviewer", disabledAt: null }, select: { id: true } });
    const ordered = reviewers.map((r) => r.id).sort();
    // Consecutive disputes go to consecutive reviewers in the stable order (wrapping round).
    for (let i = 1; i < assignees.length; i++) {
      const previous = ordered.indexOf(assignees[i - 1]!);
      expect(assignees[i]).toBe(ordered[(previous + 1) % ordered.length]);
    }
    await updateAutoAssignment({ actor: testActor, input: { mode: "off" } });
    const opened = await s.asFinance.disputes.open({
      ...claim,
      scope: { kind: "outcomes", attemptIds: [s.billable[3]!] },
    });
    expect((await db().dispute.findUniqueOrThrow({ where: { id: opened.disputeId } })).assigneeId).toBeNull();
  });

  it("is changed by admins only, to an active reviewer only", async () => {
    const s = await disputeSetup();
    await expect(s.asReviewer.settings.updateAutoAssignment({ mode: "round_robin" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const admin = callerFor(await makeUser("admin"));
    await expect(
      admin.settings.updateAutoAssignment({
        mode: "by_customer",
        customerReviewers: [{ customerId: s.customer.id, reviewerId: s.finance.userId }],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
