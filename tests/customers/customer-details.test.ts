// Provider admins add customers and edit their details in the portal (issue #17 §4): the same
// rules and audit entry as the API's PUT, an external id that is set once, and a currency that
// stays once a contract is in it.
import { describe, expect, it } from "vitest";
import { PUT as putCustomer } from "@/app/api/v1/customers/[externalId]/route";
import { db } from "@/server/db";
import { toAppError } from "@/server/errors";
import { apiRequest, makeApiKey, routeParams } from "../support/api-keys";
import { callerFor, makeContract, makeCustomer, makeUser, uniqueId } from "../support/fixtures";

const details = (overrides: Record<string, string> = {}) => ({
  name: "Hooli",
  currency: "EUR",
  timezone: "Europe/Berlin",
  legalName: "Hooli GmbH",
  address: "Unter den Linden 1\n10117 Berlin",
  taxId: "DE123456789",
  ...overrides,
});

/** The field errors a refused call carries, as every surface reports them (AppError or zod). */
async function fieldErrorsOf(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => e as { cause?: unknown },
  );
  expect(error, "the call should have been refused").not.toBeNull();
  return Object.fromEntries(toAppError(error!.cause).fields.map((f) => [f.path, f.message]));
}

describe("customers in the portal", () => {
  it("lets an admin add a customer with its legal details, audited", async () => {
    const admin = await makeUser("admin");
    const externalId = uniqueId("hooli");
    const customer = await callerFor(admin).customers.create({ externalId, ...details() });
    expect(customer).toMatchObject({ externalId, name: "Hooli", currency: "EUR", legalName: "Hooli GmbH" });
    const audit = await db().auditEntry.findFirstOrThrow({ where: { subjectId: customer.id } });
    expect(audit).toMatchObject({ action: "customer.created", actorLabel: admin.label });
  });

  it("refuses an external id already in use instead of overwriting that customer", async () => {
    const admin = await makeUser("admin");
    const existing = await makeCustomer("Initrode");
    const fields = await fieldErrorsOf(
      callerFor(admin).customers.create({ externalId: existing.externalId, ...details() }),
    );
    expect(fields.externalId).toBe(`Initrode already has the external id ${existing.externalId}.`);
    expect((await db().customer.findUniqueOrThrow({ where: { id: existing.id } })).name).toBe("Initrode");
  });

  it("edits a customer's details by id, keeps its external id, and clears a legal detail left empty", async () => {
    const admin = await makeUser("admin");
    const customer = await makeCustomer();
    const edited = await callerFor(admin).customers.edit({
      customerId: customer.id,
      details: details({ currency: "USD", taxId: "" }),
    });
    expect(edited).toMatchObject({ externalId: customer.externalId, name: "Hooli", taxId: null });
    const audit = await db().auditEntry.findFirstOrThrow({
      where: { subjectId: customer.id, action: "customer.updated" },
    });
    expect(audit.after).toMatchObject({ name: "Hooli", legalName: "Hooli GmbH" });
  });

  it("says which field is wrong and why, and changes nothing", async () => {
    const admin = await makeUser("admin");
    const customer = await makeCustomer("Vandelay");
    const fields = await fieldErrorsOf(
      callerFor(admin).customers.edit({
        customerId: customer.id,
        details: details({ name: "", currency: "XYZ", timezone: "Mars/Olympus" }),
      }),
    );
    expect(fields).toMatchObject({
      "details.name": "Give the customer's name.",
      "details.currency": "Use an ISO 4217 currency code such as USD or EUR.",
      "details.timezone": "Use an IANA time zone such as Europe/Berlin.",
    });
    expect((await db().customer.findUniqueOrThrow({ where: { id: customer.id } })).name).toBe("Vandelay");
  });

  it("keeps the currency of a customer that has a contract, in the portal and over the API", async () => {
    const admin = await makeUser("admin");
    const customer = await makeCustomer("Pendant");
    await makeContract(customer.id);
    const fields = await fieldErrorsOf(
      callerFor(admin).customers.edit({ customerId: customer.id, details: details({ currency: "EUR" }) }),
    );
    expect(fields.currency).toBe("The currency stays USD: Pendant has a contract in it, and its invoices are in it.");
    expect((await db().customer.findUniqueOrThrow({ where: { id: customer.id } })).currency).toBe("USD");
    // The API's PUT by external id is held to the same rule.
    const { key } = await makeApiKey();
    const response = await putCustomer(
      apiRequest(`/api/v1/customers/${customer.externalId}`, {
        key,
        method: "PUT",
        body: JSON.stringify({ name: "Pendant", currency: "EUR", timezone: "UTC" }),
      }),
      routeParams({ externalId: customer.externalId }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields).toEqual([{ path: "currency", message: fields.currency }]);
    // Everything else can still change.
    await callerFor(admin).customers.edit({ customerId: customer.id, details: details({ currency: "USD" }) });
  });

  it("lets neither reviewers nor customer users add or edit customers", async () => {
    const customer = await makeCustomer();
    const other = await makeCustomer();
    for (const actor of [
      await makeUser("reviewer"),
      await makeUser("finance", customer.id),
      await makeUser("viewer", customer.id),
    ]) {
      await expect(
        callerFor(actor).customers.edit({ customerId: customer.id, details: details() }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(callerFor(actor).customers.edit({ customerId: other.id, details: details() })).rejects.toMatchObject(
        { code: "FORBIDDEN" },
      );
      await expect(
        callerFor(actor).customers.create({ externalId: uniqueId("x"), ...details() }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await db().customer.findUniqueOrThrow({ where: { id: customer.id } })).name).not.toBe("Hooli");
  });
});
