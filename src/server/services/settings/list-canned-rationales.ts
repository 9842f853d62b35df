// The canned rationales, by root cause then oldest first, for the decision form and settings.
import { db } from "@/server/db";

export async function listCannedRationales() {
  return db().cannedRationale.findMany({
    orderBy: [{ rootCause: "asc" }, { updatedAt: "asc" }, { id: "asc" }],
    select: { id: true, rootCause: true, text: true },
  });
}
