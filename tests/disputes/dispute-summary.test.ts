import { describe, expect, it } from "vitest";
import { periodStartOf } from "@/domain/invoicing/periods";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import {
  callerFor,
  makeContract,
  makeCustomer,
  makeDefinition,
  makeUser,
  pinClockForEachTest,
  sendAttempts,
} from "../support/fixtures";

const HOUR = 3_600_000;
// Ten days into the period: attempts of its first hour are past their 72-hour window.
pinClockForEachTest((processNow) => new Date(periodStartOf(processNow).getTime() + 240 * HOUR));

async function customerWithOutcomes() {
  const customer = await makeCustomer();
  const definition = await makeDefinition();
  await makeContract(customer.id, { outcomePrices: [{ definitionKey: definition.key, unitPrice: "1.00" }] });
  // An hour into the current period: the observation windows have closed, the draft bills them.
  await sendAttempts(customer.externalId, definition.key, new Date(periodStartOf(clock.now()).getTime() + HOUR), 3, 3);
  const attempts = await db().attempt.findMany({ where: { customerId: customer.id }, orderBy: { occurredAt: "asc" } });
  return { customer, attemptIds: attempts.map((a) => a.id) };
}

describe("the dashboard's disputes summary", () => {
  it("counts what is open and at stake, and what decisions credited on this period's draft", async () => {
    const { customer, attemptIds } = await customerWithOutcomes();
    const [finance, viewer, reviewer] = await Promise.all([
      makeUser("finance", customer.id),
      makeUser("viewer", customer.id),
      makeUser("reviewer"),
    ]);
    expect(await callerFor(viewer).disputes.summary()).toMatchObject({
      openDisputes: 0,
      totalDisputes: 0,
      atStakeMinor: 0n,
      creditedOverallMinor: 0n,
    });

    const opened = await callerFor(finance).disputes.open({
      scope: { kind: "outcomes", attemptIds: attemptIds.slice(0, 2) },
      reason: "duplicate",
      message: "These two conversations were counted twice.",
    });
    expect(await callerFor(viewer).disputes.summary()).toMatchObject({
      openDisputes: 1,
      outcomesUnderDispute: 2,
      atStakeMinor: 200n,
      creditedThisPeriod: { outcomes: 0, amountMinor: 0n },
    });

    await callerFor(reviewer).disputes.decide({
      disputeId: opened.disputeId,
      attemptIds: [attemptIds[0]!],
      kind: "accept",
      rationale: "The logs show the same conversation twice.",
      rootCause: "duplicate",
    });
    expect(await callerFor(viewer).disputes.summary()).toMatchObject({
      currency: "USD",
      openDisputes: 1,
      totalDisputes: 1,
      outcomesUnderDispute: 1,
      atStakeMinor: 100n,
      creditedThisPeriod: { outcomes: 1, amountMinor: 100n },
      creditedOverallMinor: 100n,
    });
    // Provider staff read the customer chosen in the switcher.
    expect(await callerFor(reviewer, customer.id).disputes.summary()).toMatchObject({ openDisputes: 1 });
  });

  it("never counts another customer's disputes", async () => {
    const { customer, attemptIds } = await customerWithOutcomes();
    const other = await makeCustomer();
    const [finance, outsider] = await Promise.all([makeUser("finance", customer.id), makeUser("finance", other.id)]);
    await callerFor(finance).disputes.open({
      scope: { kind: "outcomes", attemptIds },
      reason: "not_resolved",
      message: "None of these was actually resolved.",
    });
    expect(await callerFor(outsider).disputes.summary()).toMatchObject({ openDisputes: 0, atStakeMinor: 0n });
  });
});
