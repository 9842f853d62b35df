// A provider admin edits a customer's details in the portal: the same rules and audit entry as
// the API's PUT by external id (upsertCustomer), which stays the customer's key and never changes.
import type { Actor } from "@/domain/actor";
import type { CustomerFields } from "./customer-fields";
import { getCustomer } from "./find-customers";
import { upsertCustomer } from "./upsert-customer";

export async function editCustomer({
  actor,
  customerId,
  input,
}: {
  actor: Actor;
  customerId: string;
  input: Omit<CustomerFields, "externalId">;
}) {
  const { externalId } = await getCustomer({ actor, customerId });
  return upsertCustomer({ actor, input: { ...input, externalId } });
}
