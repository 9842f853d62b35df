import { describe, expect, it } from "vitest";
import { clock } from "@/server/clock";
import { ingestEvents } from "@/server/services/ingestion/ingest-events";
import { callerFor, makeCustomer, makeDefinition, makeUser, testActor, uniqueId } from "../support/fixtures";

describe("outcomes in the portal", () => {
  it("shows a customer user only their own company's outcomes, whatever customer the request names", async () => {
    const [mine, theirs] = await Promise.all([makeCustomer(), makeCustomer()]);
    const { key } = await makeDefinition();
    const sent = (customer: string) => ({
      id: uniqueId("evt"),
      customer,
      definition: key,
      subject: uniqueId("t"),
      occurredAt: clock.now().toISOString(),
      attributes: { closedBy: "ai" },
    });
    await ingestEvents({ actor: testActor, items: [sent(mine.externalId), sent(theirs.externalId)] });
    const finance = await makeUser("finance", mine.id);

    const page = await callerFor(finance, theirs.id).outcomes.list({ limit: 500 });
    expect(page.attempts.length).toBeGreaterThan(0);
    expect(page.attempts.every((a) => a.customer.externalId === mine.externalId)).toBe(true);

    const staffView = await callerFor(await makeUser("reviewer"), theirs.id).outcomes.list({ limit: 500 });
    expect(staffView.attempts.every((a) => a.customer.externalId === theirs.externalId)).toBe(true);
  });
});
