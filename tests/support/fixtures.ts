// Unique data per test, made through the real use cases.
import { randomUUID } from "node:crypto";
import type { Actor } from "@/domain/actor";
import type { Role } from "@/domain/roles";
import type { UserActor } from "@/server/auth/current-actor";
import { upsertCustomer } from "@/server/services/customers/upsert-customer";
import { createUser } from "@/server/services/users/create-user";
import { createCaller } from "@/server/trpc/root";

export const testActor: Actor = { kind: "system", job: "integration-test" };

export const uniqueId = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

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
