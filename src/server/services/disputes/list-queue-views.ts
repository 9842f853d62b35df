// A reviewer's saved queue views.
import type { Actor } from "@/domain/actor";
import { db } from "@/server/db";
import { QueueViewFilters } from "./save-queue-view";

/** The reviewer's own views, the default first, then by name. */
export async function listQueueViews({ actor }: { actor: Actor & { kind: "user" } }) {
  const views = await db().savedQueueView.findMany({
    where: { userId: actor.userId },
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
    select: { id: true, name: true, isDefault: true, filters: true },
  });
  // The stored JSON is read back through the schema that wrote it.
  return views.map((v) => ({ ...v, filters: QueueViewFilters.parse(v.filters) }));
}
