// Unique data per test, made through the real use cases.
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach } from "vitest";
import type { Actor } from "@/domain/actor";
import type { Role } from "@/domain/roles";
import type { UserActor } from "@/server/auth/current-actor";
import { clock, resetNow, setNow } from "@/server/clock";
import { upsertCustomer } from "@/server/services/customers/upsert-customer";
import { createUser } from "@/server/services/users/create-user";
import { createCaller } from "@/server/trpc/root";

export const testActor: Actor = { kind: "system", job: "integration-test" };

export const uniqueId = (prefix: string) => `${prefix}-${randomUUID().replaceAll("-", "").slice(0, 16)}`;

export async function makeCustomer(name = uniqueId("Customer")) {
  const { customer } = await upsertCustomer({
    actor: testActor,
    input: { externalId: uniqueId("ext"), name, currency: "USD", timezone: "UTC" },
  });
  return customer;
}

export const TEST_PASSWORD = "correct-horse-battery";

export async function makeUser(role: Role, customerId: string | null = null): Promise<UserActor & { email: string }> {
  const email = `${uniqueId(role)}@example.test`;
  const user = await createUser({
    actor: testActor,
    input: { email, name: `Test ${role}`, role, customerId, password: TEST_PASSWORD },
  });
  return { kind: "user", userId: user.id, role, customerId, label: user.name, email };
}

export function callerFor(actor: UserActor | null, viewedCustomerId: string | null = null) {
  return createCaller({ actor, viewedCustomerId, resHeaders: new Headers() });
}

/** A published definition with a 72-hour window: closed by the AI, not reopened, CSAT ≥ 4 when rated, AI share ≥ 0.5. */
export async function makeDefinition(options: { windowHours?: number; effectiveFrom?: Date } = {}) {
  const { createDefinition } = await import("@/server/services/definitions/create-definition");
  const { publishDefinitionVersion } = await import("@/server/services/definitions/publish-definition-version");
  const key = `resolved_${randomUUID().slice(0, 8)}`;
  await createDefinition({
    actor: testActor,
    input: {
      key,
      name: "Ticket resolved",
      unitLabel: "resolved conversation",
      firstVersion: {
        criteria: [
          { attribute: "closedBy", operator: "eq", value: "ai", label: "Closed by the AI", whenMissing: "pending" },
          { attribute: "reopened", operator: "is_false", label: "Not reopened", whenMissing: "pass" },
          { attribute: "csat", operator: "gte", value: 4, label: "CSAT 4 or more when rated", whenMissing: "pass" },
          {
            attribute: "aiShare",
            operator: "gte",
            value: 0.5,
            label: "The AI did most of the work",
            whenMissing: "pass",
          },
        ],
        observationWindowHours: options.windowHours ?? 72,
        defaultUnitPrice: "0.99",
        changeNote: "First version",
      },
    },
  });
  const version = await publishDefinitionVersion({
    actor: testActor,
    input: { definitionKey: key, number: 1, effectiveFrom: options.effectiveFrom ?? new Date("2020-01-01T00:00:00Z") },
  });
  return { key, versionId: version.id };
}

export async function makeContract(
  customerId: string,
  terms: Partial<import("@/server/services/contracts/contract-schema").ContractTermsInput> = {},
) {
  const { createContractVersion } = await import("@/server/services/contracts/create-contract-version");
  return createContractVersion({
    actor: testActor,
    customerId,
    input: {
      effectiveFrom: new Date("2026-01-01T00:00:00Z"),
      disputeWindowDays: 30,
      graceDays: 3,
      changeNote: "Test contract",
      ...terms,
    },
  });
}

/** Sends `billable` resolved and `attempts - billable` unresolved attempts at `at` (window long closed). */
export async function sendAttempts(
  customerExternalId: string,
  definitionKey: string,
  at: Date,
  attempts: number,
  billable: number,
) {
  const { ingestEvents } = await import("@/server/services/ingestion/ingest-events");
  const items = Array.from({ length: attempts }, (_, i) => ({
    id: uniqueId("evt"),
    customer: customerExternalId,
    definition: definitionKey,
    subject: uniqueId("s"),
    occurredAt: new Date(at.getTime() + i * 1_000).toISOString(),
    attributes: { closedBy: i < billable ? "ai" : "human" },
  }));
  for (let i = 0; i < items.length; i += 1_000)
    await ingestEvents({ actor: testActor, items: items.slice(i, i + 1_000) });
}

/**
 * Pins the clock for every test of the calling file at the instant `at` computes from the
 * process's own clock (the real time, or OUTCOME_LEDGER_NOW when the suite runs at a pinned
 * instant), so a test that needs e.g. "ten days into a period" states it instead of assuming it.
 */
export function pinClockForEachTest(at: (processNow: Date) => Date): void {
  beforeEach(() => {
    resetNow();
    setNow(at(clock.now()));
  });
  afterEach(resetNow);
}
