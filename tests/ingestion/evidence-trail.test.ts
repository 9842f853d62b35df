// The evidence trail read: when each event happened and when it was received, and only the
// events received after the observation window closed marked late, with whether they counted.
import { beforeAll, describe, expect, it } from "vitest";
import { describeTrailCounts } from "@/domain/ingestion/evidence-arrival";
import { toAttemptDetail } from "@/server/api/schemas/attempts";
import { clock } from "@/server/clock";
import { getAttemptWithTrail } from "@/server/services/attempts/find-attempts";
import { closeObservationWindows } from "@/server/services/ingestion/close-observation-windows";
import { amendEvent, voidEvent } from "@/server/services/ingestion/correct-event";
import { ingestEvents } from "@/server/services/ingestion/ingest-events";
import { makeCustomer, makeDefinition, testActor, uniqueId } from "../support/fixtures";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe("the evidence trail's times", () => {
  let customer: Awaited<ReturnType<typeof makeCustomer>>;
  let definition: Awaited<ReturnType<typeof makeDefinition>>;

  beforeAll(async () => {
    customer = await makeCustomer();
    definition = await makeDefinition({ windowHours: 1 });
  });

  const item = (subject: string, occurredAt: Date, attributes: Record<string, string | number | boolean>) => ({
    id: uniqueId("evt"),
    customer: customer.externalId,
    definition: definition.key,
    subject,
    occurredAt: occurredAt.toISOString(),
    attributes,
    evidence: [{ at: occurredAt.toISOString(), kind: "message", actor: "ai", title: "Reply sent" }],
  });

  async function send(items: ReturnType<typeof item>[], now: Date) {
    const { results } = await ingestEvents({ actor: testActor, items, now });
    expect(results.every((r) => r.status === "accepted")).toBe(true);
    return results[0]!.attemptId!;
  }

  it("keeps when an event happened apart from when it was received, and does not mark an on-time event late", async () => {
    const opened = new Date(clock.now().getTime() - 30 * MINUTE);
    const subject = uniqueId("ticket");
    const receivedAt = new Date(opened.getTime() + 2 * MINUTE);
    const attemptId = await send([item(subject, opened, { closedBy: "ai" })], receivedAt);
    await closeObservationWindows({ now: new Date(opened.getTime() + 2 * HOUR) });

    const { attempt, events, counts } = await getAttemptWithTrail({ actor: testActor, attemptId });
    expect(attempt.finalizedAt).not.toBeNull();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ occurredAt: opened, receivedAt, arrival: "in_window" });
    expect(counts).toEqual({ received: 1, standing: 1, corrected: 0, voided: 0, late: 0 });
    expect(describeTrailCounts(counts)).toBe("1 event");
  });

  it("marks late only the events received after the window closed, saying whether they counted", async () => {
    const opened = new Date(clock.now().getTime() - 3 * HOUR);
    const windowCloses = new Date(opened.getTime() + HOUR);
    const subject = uniqueId("ticket");
    const attemptId = await send([item(subject, opened, { closedBy: "ai" })], new Date(opened.getTime() + MINUTE));
    // After the window closed, before the scheduler made the status final: evaluated with the rest.
    const beforeFinal = new Date(windowCloses.getTime() + 5 * MINUTE);
    await send([item(subject, new Date(opened.getTime() + 50 * MINUTE), { csat: 5 })], beforeFinal);
    const afterClose = await getAttemptWithTrail({ actor: testActor, attemptId });
    expect(afterClose.attempt.status).toBe("billable");
    // Once final: a reopening changes nothing, and the trail says so.
    const afterFinal = new Date(windowCloses.getTime() + 90 * MINUTE);
    await send([item(subject, new Date(windowCloses.getTime() + 80 * MINUTE), { reopened: true })], afterFinal);

    const { attempt, events, counts } = await getAttemptWithTrail({ actor: testActor, attemptId });
    expect(attempt.status).toBe("billable");
    expect(events.map((e) => e.arrival)).toEqual(["in_window", "late_counted", "late_not_counted"]);
    expect(events.map((e) => e.receivedAt)).toEqual([new Date(opened.getTime() + MINUTE), beforeFinal, afterFinal]);
    expect(counts.late).toBe(2);
    expect(toAttemptDetail({ attempt, events, counts }).events.map((e) => e.arrival)).toEqual([
      "in_window",
      "late_counted",
      "late_not_counted",
    ]);
  });

  it("reads a correction after the status was final as counted: a correction evaluates the attempt again", async () => {
    const opened = new Date(clock.now().getTime() - 5 * HOUR);
    const subject = uniqueId("ticket");
    const first = item(subject, opened, { closedBy: "ai" });
    const attemptId = await send([first], new Date(opened.getTime() + MINUTE));
    await closeObservationWindows({ now: new Date(opened.getTime() + 2 * HOUR) });
    const { id: _id, ...content } = first;
    await amendEvent({ actor: testActor, eventId: first.id, input: { ...content, attributes: { closedBy: "human" } } });

    const { attempt, events } = await getAttemptWithTrail({ actor: testActor, attemptId });
    expect(attempt.status).toBe("not_billable");
    expect(events.map((e) => [e.kind, e.arrival])).toEqual([
      ["original", "in_window"],
      ["amendment", "late_counted"],
    ]);
  });

  it("counts corrected and voided events, so the header agrees with the trail", async () => {
    const opened = new Date(clock.now().getTime() - 20 * MINUTE);
    const subject = uniqueId("ticket");
    const first = item(subject, opened, { closedBy: "human" });
    const second = item(subject, new Date(opened.getTime() + MINUTE), { csat: 2 });
    const third = item(subject, new Date(opened.getTime() + 2 * MINUTE), { csat: 5 });
    const attemptId = await send([first, second, third], new Date(opened.getTime() + 3 * MINUTE));
    const { id: _id, ...content } = first;
    await amendEvent({ actor: testActor, eventId: first.id, input: { ...content, attributes: { closedBy: "ai" } } });
    await voidEvent({ actor: testActor, eventId: second.id, input: { reason: "Sent for the wrong ticket" } });

    const { attempt, events, counts } = await getAttemptWithTrail({ actor: testActor, attemptId });
    expect(events).toHaveLength(4);
    expect(counts).toEqual({ received: 4, standing: 2, corrected: 1, voided: 1, late: 0 });
    expect(attempt.eventCount).toBe(counts.standing);
    expect(describeTrailCounts(counts)).toBe("4 events, 2 of them corrected or voided");
    expect(events.every((e) => e.arrival === "in_window")).toBe(true);
  });

  it("replays history with each event's own receipt, never after the batch's instant", async () => {
    const opened = new Date(clock.now().getTime() - 5 * HOUR);
    const subject = uniqueId("ticket");
    const items = [item(subject, opened, { closedBy: "ai" }), item(subject, new Date(opened.getTime() + MINUTE), {})];
    const receivedAt = [new Date(opened.getTime() + 4_000), new Date(opened.getTime() + MINUTE + 40_000)];
    const now = new Date(opened.getTime() + 2 * HOUR);
    await expect(
      ingestEvents({ actor: testActor, items, now, receivedAt: [receivedAt[0]!, new Date(now.getTime() + 1)] }),
    ).rejects.toThrow(/receivedAt/);
    const { results } = await ingestEvents({ actor: testActor, items, now, receivedAt });
    const { attempt, events } = await getAttemptWithTrail({ actor: testActor, attemptId: results[0]!.attemptId! });
    expect(events.map((e) => e.receivedAt)).toEqual(receivedAt);
    expect(events.map((e) => e.arrival)).toEqual(["in_window", "in_window"]);
    expect(attempt.finalizedAt).toEqual(now);
  });
});
