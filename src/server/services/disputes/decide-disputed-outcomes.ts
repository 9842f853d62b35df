// A reviewer decides one or many outcomes of a dispute: accept (full credit), partial (a
// percentage) or reject, with a rationale and a root cause. The credit is rule 5's: on a draft
// invoice it comes off the draft (its "Dispute credits" line); on a finalized invoice a credit
// note is issued per invoice for this decision, never above what remains uncredited. What it
// credits is decided by the pure `decideCredits` (src/domain/disputes); this file loads what
// that needs, calls it, and writes the result with its audit entry.
// Exactly once: the dispute row is locked for the whole decision, so of two reviewers deciding
// the same outcomes at the same moment one wins and the other gets a conflict naming the
// current state.
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { actorLabel } from "@/domain/actor";
import { type DecidedCredits, decideCredits } from "@/domain/disputes/decide-credits";
import { ADJUDICATION_KINDS, ROOT_CAUSES } from "@/domain/disputes/dispute-terms";
import type { Criterion } from "@/domain/evaluation/criteria";
import { formatMoney } from "@/domain/money";
import { clock } from "@/server/clock";
import type { Tx } from "@/server/db";
import { db, transaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { text } from "@/server/input-rules";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { holdBillingLocksShared } from "@/server/services/invoicing/billing-lock";
import { lockFinalizedInvoice, writeCreditNote } from "@/server/services/invoicing/issue-credit-note";
import { notifyCustomerFinance } from "@/server/services/notifications/notify";
import { appLink, enqueueWebhook } from "@/server/services/webhooks/enqueue-webhook";
import { loadInvoicesToCredit } from "./credit-context";
import { writeOutcomeCredits } from "./settle-draft-credits";

export const DecideInput = z
  .strictObject({
    disputeId: z.uuid("The dispute id is a UUID."),
    attemptIds: z
      .array(z.uuid())
      .min(1, "Choose at least one outcome to decide.")
      .max(10_000, "Decide at most 10,000 outcomes at once."),
    kind: z.enum(ADJUDICATION_KINDS, "Choose accept, partial or reject."),
    /** For a partial decision: the percentage of the disputed charge to credit, e.g. "50" or "12.5". */
    percent: text()
      .trim()
      .regex(/^\d{1,2}(\.\d{1,2})?$/, "Give the percentage as a number above 0 and below 100, e.g. 50.")
      .optional(),
    rationale: text()
      .trim()
      .min(10, "Explain the decision to the customer in a sentence or two (at least 10 characters).")
      .max(5_000, "Keep the rationale under 5,000 characters."),
    rootCause: z.enum(ROOT_CAUSES, "Choose the root cause."),
    /** For a definition gap: the criterion's attribute path. */
    criterion: text().trim().max(200).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.kind === "partial" && (!input.percent || Number(input.percent) <= 0)) {
      ctx.addIssue({ code: "custom", path: ["percent"], message: "A partial credit needs a percentage above 0." });
    }
    if (input.kind !== "partial" && input.percent !== undefined) {
      ctx.addIssue({ code: "custom", path: ["percent"], message: "Only a partial decision takes a percentage." });
    }
    if (input.rootCause === "definition_gap" && !input.criterion) {
      ctx.addIssue({
        code: "custom",
        path: ["criterion"],
        message: "Name the criterion of the definition that is wrong or missing.",
      });
    }
  });
export type DecideInput = z.input<typeof DecideInput>;

interface Item {
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

/** Load → decide (`decideCredits`, pure) → write, in one transaction. */
export async function decideDisputedOutcomes({
  actor,
  input,
  now = clock.now(),
}: {
  actor: Actor & { kind: "user" };
  input: DecideInput;
  now?: Date;
}) {
  const parsed = DecideInput.parse(input);
  const head = await db().dispute.findUnique({ where: { id: parsed.disputeId }, select: { customerId: true } });
  if (!head) throw AppError.notFound("The dispute");
  const customerId = head.customerId;
  return transaction(
    async (tx) => {
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
      return writeDecision(tx, { actor, customerId, dispute, parsed, items, criterion, credits, now });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

async function writeDecision(
  tx: Tx,
  {
    actor,
    customerId,
    dispute,
    parsed,
    items,
    criterion,
    credits,
    now,
  }: {
    actor: Actor & { kind: "user" };
    customerId: string;
    dispute: { id: string; number: string; currency: string };
    parsed: z.output<typeof DecideInput>;
    items: Item[];
    criterion: Criterion | null;
    credits: DecidedCredits;
    now: Date;
  },
) {
  const { creditMinor } = credits;
  const decision = await tx.disputeDecision.create({
    data: {
      disputeId: dispute.id,
      customerId,
      kind: parsed.kind,
      percent: parsed.kind === "accept" ? "100" : parsed.kind === "reject" ? "0" : parsed.percent!,
      rationale: parsed.rationale,
      rootCause: parsed.rootCause,
      criterionPath: criterion?.attribute ?? null,
      criterionLabel: criterion?.label ?? null,
      decidedById: actor.userId,
      decidedBy: actorLabel(actor),
      decidedAt: now,
      outcomeCount: items.length,
      creditMinor,
      explanation: "",
    },
  });
  const noteNumbers = new Map<string, string>();
  const creditNoteOf = new Map<string, string>();
  for (const note of credits.creditNotes) {
    const written = await writeCreditNote(tx, {
      actor,
      invoice: await lockFinalizedInvoice(tx, note.invoiceId),
      reason: note.reason,
      lines: note.lines,
      disputeDecisionId: decision.id,
      auditDetail: { dispute: dispute.number, decisionId: decision.id },
      now,
    });
    noteNumbers.set(note.invoiceId, written.number);
    for (const id of note.outcomeIds) creditNoteOf.set(id, written.id);
  }
  const explanation = credits.explain(noteNumbers);
  await tx.disputeDecision.update({ where: { id: decision.id }, data: { explanation } });
  const state = parsed.kind === "accept" ? "accepted" : parsed.kind === "partial" ? "partial" : "rejected";
  const rows = items.map((i) => ({
    id: i.id,
    share: credits.outcomes.get(i.id)!.share,
    note: creditNoteOf.get(i.id) ?? null,
  }));
  // The ids as a plain list too: an index condition under row-level security (ARCHITECTURE.md).
  await tx.$executeRaw`
    UPDATE disputed_outcome o SET "state" = ${state}::disputed_outcome_state, "decisionId" = ${decision.id}::uuid,
      "creditShare" = r."share"::numeric, "creditNoteId" = r."note"::uuid
    FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.share)}::text[], ${rows.map((r) => r.note)}::text[])
      AS r("id", "share", "note")
    WHERE o."id" = ANY(${rows.map((r) => r.id)}::text[]::uuid[]) AND o."id" = r."id"::uuid`;
  // What each outcome shows, this decision's and, on a draft, the earlier ones it re-settled;
  // the decisions' and disputes' totals follow.
  await writeOutcomeCredits(
    tx,
    new Map([...credits.resettled, ...[...credits.outcomes].map(([id, o]) => [id, o.minor] as const)]),
  );
  const updated = await tx.dispute.update({
    where: { id: dispute.id },
    data: { undecidedCount: { decrement: items.length }, lastActivityAt: now },
  });
  const resolved = updated.undecidedCount === 0;
  if (resolved) {
    await tx.dispute.update({ where: { id: dispute.id }, data: { status: "resolved", resolvedAt: now } });
  }
  const creditNotes = [...new Set(creditNoteOf.values())];
  await appendAuditEntry(tx, {
    actor,
    action: "dispute.decided",
    subjectType: "dispute",
    subjectId: dispute.id,
    customerId,
    after: {
      number: dispute.number,
      decisionId: decision.id,
      kind: parsed.kind,
      percent: parsed.percent ?? null,
      rootCause: parsed.rootCause,
      criterion: criterion?.attribute ?? null,
      rationale: parsed.rationale,
      outcomes: items.length,
      creditMinor,
      currency: dispute.currency,
      creditNotes,
      resolved,
    },
  });
  const money = formatMoney(creditMinor, dispute.currency);
  await notifyCustomerFinance(tx, customerId, {
    kind: "dispute.decided",
    title: `${dispute.number}: ${items.length} ${items.length === 1 ? "outcome" : "outcomes"} ${state}`,
    body: `${parsed.kind === "reject" ? "No credit" : `Credit ${money}`}. ${resolved ? "Every outcome is now decided." : `${updated.undecidedCount} still to decide.`}`,
    link: `/disputes/${dispute.id}`,
  });
  if (resolved) {
    const { externalId } = await tx.customer.findUniqueOrThrow({ where: { id: customerId } });
    await enqueueWebhook(tx, {
      type: "dispute.resolved",
      payload: {
        disputeId: dispute.id,
        number: dispute.number,
        customerId,
        customerExternalId: externalId,
        outcomes: updated.outcomeCount,
        currency: dispute.currency,
        creditedMinor: updated.creditedMinor.toString(),
        resolvedAt: now.toISOString(),
        links: { dispute: appLink(`/review/${dispute.id}`) },
      },
    });
  }
  return { decisionId: decision.id, creditMinor, explanation, resolved, creditNotes };
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
