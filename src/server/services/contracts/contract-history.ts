// A customer's contract versions with the one in force now, within the actor's scope.
import type { Actor } from "@/domain/actor";
import { clock } from "@/server/clock";
import { getCustomer } from "@/server/services/customers/find-customers";
import { contractInForce, listContractVersions } from "./find-contract";

export async function getContractHistory({
  actor,
  customerId,
  now = clock.now(),
}: {
  actor: Actor;
  customerId: string;
  now?: Date;
}) {
  await getCustomer({ actor, customerId });
  const [current, versions] = await Promise.all([contractInForce(customerId, now), listContractVersions(customerId)]);
  return { current, versions };
}
