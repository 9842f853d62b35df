// A provider admin adds a customer in the portal. The API's PUT creates or updates by external
// id; here an id already in use is refused, so a typo cannot overwrite another customer.
import type { Actor } from "@/domain/actor";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { CustomerFields } from "./customer-fields";
import { upsertCustomer } from "./upsert-customer";

export async function createCustomer({ actor, input }: { actor: Actor; input: CustomerFields }) {
  const parsed = CustomerFields.parse(input);
  const existing = await db().customer.findUnique({ where: { externalId: parsed.externalId }, select: { name: true } });
  if (existing) {
    throw new AppError("VALIDATION_FAILED", "Some fields are not valid.", [
      { path: "externalId", message: `${existing.name} already has the external id ${parsed.externalId}.` },
    ]);
  }
  return upsertCustomer({ actor, input: parsed });
}
