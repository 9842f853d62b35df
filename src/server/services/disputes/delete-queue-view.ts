// A reviewer deletes one of their saved queue views.
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

export const DeleteQueueViewInput = z.strictObject({ viewId: z.uuid("The view id is a UUID.") });

/** Deletes one of the reviewer's own views (another user's is not found). */
export async function deleteQueueView({
  actor,
  input,
}: {
  actor: Actor & { kind: "user" };
  input: z.input<typeof DeleteQueueViewInput>;
}) {
  const { viewId } = DeleteQueueViewInput.parse(input);
  const { count } = await db().savedQueueView.deleteMany({ where: { id: viewId, userId: actor.userId } });
  if (count === 0) throw AppError.notFound("The view");
  return { deleted: true };
}
