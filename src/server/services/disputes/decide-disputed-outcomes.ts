// A reviewer decides one or many outcomes of a dispute: accept (full credit), partial (a
// percentage) or reject, with a rationale and a root cause. The credit is rule 5's: on a draft
// invoice it comes off the draft (its "Dispute credits" line); on a finalized invoice a credit
// note is issued per invoice for this decision, never above what remains uncredited. What it
// credits is decided by the pure `decideCredits` (src/domain/disputes), which
// `internal/load-decision.ts` loads for and calls (the dry run `previewDecision` shares it);
// this file writes the result with its audit entry.
// Exactly once: the dispute row is locked for the whole decision, so of two reviewers deciding
// the same outcomes at the same moment one wins and the other gets a conflict naming the
// current state.
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { actorLabel } from "@/domain/actor";
import type { DecidedCredits } from "@/domain/disputes/decide-credits";
import { ADJUDICATION_KINDS, ROOT_CAUSES } from "@/domain/disputes/dispute-terms";
import type { Criterion } from "@/domain/evaluation/criteria";
import { formatMoney } from "@/domain/money";
import { clock } from "@/server/clock";
import type { Tx } from "@/server/db";
import { transaction } from "@/server/db";
import { text } from "@/server/input-rules";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { lockFinalizedInvoice, writeCreditNote } from "@/server/services/invoicing/issue-credit-note";
import { notifyCustomerFinance } from "@/server/services/notifications/notify";
import { appLink, enqueueWebhook } from "@/server/services/webhooks/enqueue-webhook";
import { customerOf, type Item, loadAndDecide } from "./internal/load-decision";
import { writeOutcomeCredits } from "./settle-draft-credits";

/** How outcomes are decided (kind, percentage, rationale, root cause): one decision's fields, also a bulk decision's. */
export const DecisionFields = z.strictObject({
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
});

/** The rules between the fields, reported together with the fields' own errors. */
export function checkDecisionFields(input: z.output<typeof DecisionFields>, ctx: z.RefinementCtx) {
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
}

export const DecideInput = z
  .strictObject({
    disputeId: z.uuid("The dispute id is a UUID."),
    attemptIds: z
      .array(z.uuid())
      .min(1, "Choose at least one outcome to decide.")
      .max(10_000, "Decide at most 10,000 outcomes at once."),
    ...DecisionFields.shape,
  })
  .superRefine(checkDecisionFields);
export type DecideInput = z.input<typeof DecideInput>;

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
  const customerId = await customerOf(parsed.disputeId);
  return transaction(
    async (tx) => {
      const { dispute, items, criterion, credits, invoices } = await loadAndDecide(tx, customerId, parsed);
      const written = await writeDecision(tx, { actor, customerId, dispute, parsed, items, criterion, credits, now });
      return { ...written, invoices };
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
