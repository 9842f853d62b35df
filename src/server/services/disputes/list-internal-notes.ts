// A dispute's internal notes, oldest first, for provider staff (the procedure is staff-only).
import type { Actor } from "@/domain/actor";
import { db } from "@/server/db";
import { findDisputeInScope } from "./find-dispute-in-scope";

export async function listInternalNotes({ actor, disputeId }: { actor: Actor; disputeId: string }) {
  const dispute = await findDisputeInScope(actor, disputeId);
  return db().disputeNote.findMany({
    where: { disputeId: dispute.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, authorLabel: true, body: true, createdAt: true },
  });
}
