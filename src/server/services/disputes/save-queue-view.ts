// A reviewer keeps the queue's filters and sort as a named view, stored server-side per user
// (so it follows them to another browser); one view can be their default, which /review opens
// with. Saving under an existing name replaces that view.
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { clock } from "@/server/clock";
import { transaction } from "@/server/db";
import { text } from "@/server/input-rules";
import { QueueQuery } from "./find-disputes";

/** The queue's filters and sort without the page: what a view keeps. */
export const QueueViewFilters = QueueQuery.omit({ page: true });

export const SaveQueueViewInput = z.strictObject({
  name: text().trim().min(1, "Name the view.").max(60, "Keep the name under 60 characters."),
  filters: QueueViewFilters,
  isDefault: z.boolean().default(false),
});

export async function saveQueueView({
  actor,
  input,
  now = clock.now(),
}: {
  actor: Actor & { kind: "user" };
  input: z.input<typeof SaveQueueViewInput>;
  now?: Date;
}) {
  const { name, filters, isDefault } = SaveQueueViewInput.parse(input);
  return transaction(async (tx) => {
    if (isDefault) {
      await tx.savedQueueView.updateMany({
        where: { userId: actor.userId, isDefault: true },
        data: { isDefault: false },
      });
    }
    return tx.savedQueueView.upsert({
      where: { userId_name: { userId: actor.userId, name } },
      create: { userId: actor.userId, name, filters, isDefault, createdAt: now, updatedAt: now },
      update: { filters, isDefault, updatedAt: now },
      select: { id: true, name: true, isDefault: true },
    });
  });
}
