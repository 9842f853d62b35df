// The decision's read half, shared by the decision and its dry run (`previewDecision`): under the
// customer's billing lock and the dispute's row lock, the chosen outcomes re-read (all in this
// dispute, none decided yet) and priced by the pure `decideCredits`.
import type { z } from "zod";
import { decideCredits } from "@/domain/disputes/decide-credits";
import type { Criterion } from "@/domain/evaluation/criteria";
import type { Tx } from "@/server/db";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { holdBillingLocksShared } from "@/server/services/invoicing/billing-lock";
import { loadInvoicesToCredit } from "../credit-context";
import type { DecideInput } from "../decide-disputed-outcomes";

export interface Item {
  id: string;
  attemptId: string;
  state: string;
  disputedShare: string;
  invoiceId: string;
  definitionKey: string;
  occurredAt: Date;
  subject: string;
  billable: boolean;
  billedBillable: boolean;
  criteria: Criterion[];
  decidedBy: string | null;
  decidedAt: Date | null;
}

export async function customerOf(disputeId: string) {
  const head = await db().dispute.findUnique({ where: { id: disputeId }, select: { customerId: true } });
  if (!head) throw AppError.notFound("The dispute");
  return head.customerId;
}

export async function loadAndDecide(
  tx: Tx,
  customerId: string,
  parsed: Pick<z.output<typeof DecideInput>, "disputeId" | "attemptIds" | "kind" | "percent" | "criterion">,
) {
  // Billing lock first (the order every writer of a customer's billing follows), then the dispute.
  await holdBillingLocksShared(tx, [customerId]);
  const dispute = await lockOpenDispute(tx, parsed.disputeId);
  const items = await loadUndecidedItems(tx, parsed.disputeId, parsed.attemptIds);
  const criterion = parsed.criterion ? criterionOf(items, parsed.criterion) : null;
  const invoices = await loadInvoicesToCredit(
    tx,
    customerId,
    items.map((i) => i.invoiceId),
  );
  const credits = decideCredits({
    kind: parsed.kind,
    percent: parsed.percent ?? null,
    disputeNumber: dispute.number,
    currency: dispute.currency,
    invoices,
    outcomes: items.map((i) => ({
      ...i,
      // In a period two contract versions share, the usage of the version it happened under.
      definitionKey: invoices.get(i.invoiceId)?.claimKey(i.definitionKey, i.occurredAt) ?? i.definitionKey,
      charged: invoices.get(i.invoiceId)?.status === "finalized" ? i.billedBillable : i.billable,
    })),
  });
  // The invoices the decision changes, for "credits $0.99 on the November 2026 draft" and a link to each.
  const changed = [...invoices.values()].map(({ id, status, number, periodLabel }) => ({
    id,
    status,
    number,
    periodLabel,
  }));
  return { dispute, items, criterion, credits, invoices: changed };
}

async function lockOpenDispute(tx: Tx, disputeId: string) {
  const [dispute] = await tx.$queryRaw<{ id: string; number: string; status: string; currency: string }[]>`
    SELECT "id", "number", "status", "currency" FROM dispute WHERE "id" = ${disputeId}::uuid FOR UPDATE`;
  if (!dispute) throw AppError.notFound("The dispute");
  if (dispute.status !== "open") {
    throw new AppError("CONFLICT", `${dispute.number} is already ${dispute.status}; nothing was changed.`);
  }
  return dispute;
}

/** The chosen outcomes, re-read under the dispute's lock: all in this dispute, none decided yet. */
async function loadUndecidedItems(tx: Tx, disputeId: string, attemptIds: readonly string[]): Promise<Item[]> {
  const items = await loadItems(tx, disputeId, attemptIds);
  if (items.length !== new Set(attemptIds).size) {
    throw new AppError("VALIDATION_FAILED", "Some of the chosen outcomes are not in this dispute.", [
      { path: "attemptIds", message: "Not in this dispute." },
    ]);
  }
  const decided = items.filter((i) => i.state !== "undecided");
  if (decided.length > 0) {
    const first = decided[0]!;
    throw new AppError(
      "CONFLICT",
      `${decided.length === 1 ? `${first.subject} was` : `${decided.length} of these outcomes were`} decided a moment ago (${first.state}${first.decidedBy ? ` by ${first.decidedBy}` : ""}${first.decidedAt ? ` at ${first.decidedAt.toISOString().slice(11, 16)} UTC` : ""}). Nothing was changed; the page now shows the current state.`,
    );
  }
  return items;
}

async function loadItems(tx: Tx, disputeId: string, attemptIds: readonly string[]): Promise<Item[]> {
  return tx.$queryRaw<Item[]>`
    SELECT o."id", o."attemptId", o."state"::text AS "state", o."disputedShare"::text AS "disputedShare",
      o."invoiceId", d."key" AS "definitionKey", a."occurredAt", a."subject",
      (a."status" = 'billable' AND a."eventCount" > 0) AS "billable",
      (a."billedStatus" = 'billable') AS "billedBillable",
      v."criteria", x."decidedBy", x."decidedAt"
    FROM disputed_outcome o
    JOIN attempt a ON a."id" = o."attemptId"
    JOIN outcome_definition d ON d."id" = a."definitionId"
    JOIN definition_version v ON v."id" = a."definitionVersionId"
    LEFT JOIN dispute_decision x ON x."id" = o."decisionId"
    WHERE o."disputeId" = ${disputeId}::uuid AND o."attemptId" = ANY(${[...new Set(attemptIds)]}::text[]::uuid[])
    ORDER BY a."occurredAt", a."id"`;
}

/** The criterion a definition gap names: it must be one the decided outcomes were evaluated with. */
function criterionOf(items: readonly Item[], path: string): Criterion {
  for (const item of items) {
    const found = item.criteria.find((c) => c.attribute === path);
    if (found) return found;
  }
  throw new AppError("VALIDATION_FAILED", `None of these outcomes was evaluated with a criterion on “${path}”.`, [
    { path: "criterion", message: "Choose one of the criteria shown in the evaluation trace." },
  ]);
}
