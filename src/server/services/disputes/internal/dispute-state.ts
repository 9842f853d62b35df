// Why a dispute cannot be decided (or assigned) any more, in the words a bulk action reports.
import { describeDeciders } from "@/domain/disputes/bulk-decision";
import { db } from "@/server/db";

export async function whyNotActionable(disputeId: string): Promise<string> {
  const dispute = await db().dispute.findUnique({
    where: { id: disputeId },
    select: {
      status: true,
      decisions: { select: { decidedBy: true }, orderBy: [{ decidedAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!dispute) return "was not found";
  if (dispute.status === "withdrawn") return "was withdrawn by the customer";
  const by = describeDeciders(dispute.decisions.map((d) => d.decidedBy));
  if (dispute.status === "resolved") return `already resolved${by ? ` by ${by}` : ""}`;
  return `has nothing left to decide${by ? ` (decided by ${by})` : ""}`;
}
