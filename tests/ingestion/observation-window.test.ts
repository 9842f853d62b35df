import { beforeAll, describe, expect, it } from "vitest";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { closeObservationWindows } from "@/server/services/ingestion/close-observation-windows";
import { ingestEvents } from "@/server/services/ingestion/ingest-events";
import { makeCustomer, makeDefinition, testActor, uniqueId } from "../support/fixtures";

describe("closing observation windows", () => {
  let customer: Awaited<ReturnType<typeof makeCustomer>>;
  let definition: Awaited<ReturnType<typeof makeDefinition>>;

  beforeAll(async () => {
    customer = await makeCustomer();
    definition = await makeDefinition({ windowHours: 1 });
  });

  async function pendingAttempt(attributes: Record<string, string | number | boolean>) {
    const { results } = await ingestEvents({
      actor: testActor,
      items: [
        {
          id: uniqueId("evt"),
          customer: customer.externalId,
          definition: definition.key,
          subject: uniqueId("ticket"),
          occurredAt: new Date(clock.now().getTime() - 10 * 60_000).toISOString(),
          attributes,
        },
      ],
    });
    return results[0]!.attemptId!;
  }

  it("leaves attempts pending until their window closes, then makes the status final", async () => {
    const resolved = await pendingAttempt({ closedBy: "ai" });
    const unconfirmed = await pendingAttempt({ csat: 5 });
    await closeObservationWindows({ now: clock.now() });
    expect((await db().attempt.findUniqueOrThrow({ where: { id: resolved } })).status).toBe("pending");

    await closeObservationWindows({ now: new Date(clock.now().getTime() + 2 * 3_600_000) });
    const [a, b] = await Promise.all([
      db().attempt.findUniqueOrThrow({ where: { id: resolved } }),
      db().attempt.findUniqueOrThrow({ where: { id: unconfirmed } }),
    ]);
    expect(a).toMatchObject({ status: "billable" });
    expect(a.finalizedAt).not.toBeNull();
    // "Closed by the AI" was missing with the pending rule: at the close it fails.
    expect(b.status).toBe("not_billable");
    expect((b.trace as { criteria: { result: string; explanation: string }[] }).criteria[0]).toMatchObject({
      result: "fail",
      explanation: expect.stringContaining("observation window"),
    });
  });

  it("is safe to run twice at the same moment: each attempt is finalized once", async () => {
    const ids = await Promise.all(Array.from({ length: 5 }, () => pendingAttempt({ closedBy: "ai" })));
    const later = new Date(clock.now().getTime() + 2 * 3_600_000);
    await Promise.all([closeObservationWindows({ now: later }), closeObservationWindows({ now: later })]);
    const rows = await db().attempt.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.status === "billable" && r.finalizedAt)).toBe(true);
    const again = await closeObservationWindows({ now: later });
    expect(again.closed).toBe(0);
  });
});
