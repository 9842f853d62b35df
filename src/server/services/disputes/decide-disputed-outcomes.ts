// A reviewer decides one or many outcomes of a dispute: accept (full credit), partial (a
// percentage) or reject, with a rationale and a root cause. The credit is rule 5's: on a draft
// invoice it comes off the draft (its "Dispute credits" line); on a finalized invoice a credit
// note is issued per invoice for this decision, never above what remains uncredited.
// Exactly once: the dispute row is locked for the whole decision, so of two reviewers deciding
// the same outcomes at the same moment one wins and the other gets a conflict naming the
// current state.
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { actorLabel } from "@/domain/actor";
import { explainCredit } from "@/domain/disputes/dispute-credit";
import { ADJUDICATION_KINDS, ADJUDICATION_LABELS, creditShareOf, ROOT_CAUSES } from "@/domain/disputes/dispute-terms";
import type { Criterion } from "@/domain/evaluation/criteria";
import { periodLabel } from "@/domain/invoicing/periods";
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
import { type PeriodClaim, priceClaimsByPeriod } from "./credit-context";

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
  periodStart: Date;
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
      const [dispute] = await tx.$queryRaw<{ id: string; number: string; status: string; currency: string }[]>`
        SELECT "id", "number", "status", "currency" FROM dispute WHERE "id" = ${parsed.disputeId}::uuid FOR UPDATE`;
      if (!dispute) throw AppError.notFound("The dispute");
      if (dispute.status !== "open") {
        throw new AppError("CONFLICT", `${dispute.number} is already ${dispute.status}; nothing was changed.`);
      }
      const items = await loadItems(tx, parsed.disputeId, parsed.attemptIds);
      if (items.length !== new Set(parsed.attemptIds).size) {
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
      const criterion = parsed.criterion ? criterionOf(items, parsed.criterion) : null;

      // What each outcome's decision credits, and which invoices they sit on now.
      const invoices = await tx.invoice.findMany({
        where: { id: { in: [...new Set(items.map((i) => i.invoiceId))] } },
        select: { id: true, number: true, status: true, periodStart: true },
      });
      const invoiceById = new Map(invoices.map((i) => [i.id, i]));
      const notBilledAnyMore: Item[] = [];
      const claims: (PeriodClaim & { item: Item })[] = [];
      for (const item of items) {
        const share = creditShareOf(item.disputedShare, parsed.kind, parsed.percent ?? null);
        if (share === "0") continue;
        const finalized = invoiceById.get(item.invoiceId)?.status === "finalized";
        if (!(finalized ? item.billedBillable : item.billable)) {
          notBilledAnyMore.push(item);
          continue;
        }
        claims.push({
          id: item.id,
          definitionKey: item.definitionKey,
          share,
          periodStart: item.periodStart,
          finalized,
          item,
        });
      }
      const { perClaim, periods } = await priceClaimsByPeriod(tx, customerId, claims);

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
          creditMinor: 0n,
          explanation: "",
        },
      });

      // Finalized invoices: one credit note per invoice for this decision, capped at what remains.
      const creditNoteOf = new Map<string, string>();
      const sentences: string[] = [];
      const byInvoice = groupBy(
        claims.filter((c) => c.finalized),
        (c) => c.item.invoiceId,
      );
      for (const [invoiceId, group] of byInvoice) {
        const invoice = await lockFinalizedInvoice(tx, invoiceId);
        let amount = group.reduce((s, c) => s + perClaim.get(c.id)!, 0n);
        if (amount > invoice.uncreditedMinor) {
          sentences.push(
            `Only ${formatMoney(invoice.uncreditedMinor, invoice.currency)} of ${invoice.number} remained uncredited, so the credit stops there.`,
          );
          let excess = amount - invoice.uncreditedMinor;
          for (const c of [...group].reverse()) {
            // biome-ignore lint/complexity/useMathMinMax: bigints, which Math.min does not take.
            const cut = perClaim.get(c.id)! < excess ? perClaim.get(c.id)! : excess;
            perClaim.set(c.id, perClaim.get(c.id)! - cut);
            excess -= cut;
          }
          amount = invoice.uncreditedMinor;
        }
        if (amount === 0n) continue;
        const reason = `Dispute ${dispute.number}: ${ADJUDICATION_LABELS[parsed.kind].toLowerCase()}${parsed.kind === "partial" ? ` (${parsed.percent} %)` : ""}, ${group.length} ${group.length === 1 ? "outcome" : "outcomes"}`;
        const lines = [...groupBy(group, (c) => c.definitionKey)].map(([key, cs]) => ({
          description: `${cs.length} × ${key} ${cs.length === 1 ? "outcome" : "outcomes"} credited (dispute ${dispute.number})`,
          amountMinor: cs.reduce((s, c) => s + perClaim.get(c.id)!, 0n),
          attemptId: cs.length === 1 ? cs[0]!.item.attemptId : null,
        }));
        const note = await writeCreditNote(tx, {
          actor,
          invoice,
          reason,
          lines: lines.filter((l) => l.amountMinor > 0n),
          disputeDecisionId: decision.id,
          auditDetail: { dispute: dispute.number, decisionId: decision.id },
          now,
        });
        for (const c of group) creditNoteOf.set(c.id, note.id);
        sentences.push(
          `Credit note ${note.number} for ${formatMoney(amount, invoice.currency)} against ${invoice.number}.`,
        );
      }
      const draftMinor = claims.filter((c) => !c.finalized).reduce((s, c) => s + perClaim.get(c.id)!, 0n);
      if (draftMinor > 0n) {
        const periodsOnDraft = [...new Set(claims.filter((c) => !c.finalized).map((c) => periodLabel(c.periodStart)))];
        sentences.push(
          `${formatMoney(draftMinor, dispute.currency)} comes off the draft invoice for ${periodsOnDraft.join(" and ")} as a dispute credit (final when that invoice is finalized).`,
        );
      }
      for (const { context, priced } of periods) {
        if (priced.limitedBy) sentences.push(explainCredit(priced, context.terms));
      }
      if (notBilledAnyMore.length > 0) {
        sentences.push(
          `${notBilledAnyMore.length === 1 ? "One outcome is" : `${notBilledAnyMore.length} outcomes are`} no longer billed as billable, so there is nothing to credit for ${notBilledAnyMore.length === 1 ? "it" : "them"}.`,
        );
      }
      const creditMinor = [...perClaim.values()].reduce((s, m) => s + m, 0n);
      if (parsed.kind === "reject") sentences.unshift("Rejected: nothing is credited.");
      else if (creditMinor === 0n && sentences.length === 0) sentences.push("Nothing is credited.");
      const explanation = sentences.join(" ");

      await tx.disputeDecision.update({ where: { id: decision.id }, data: { creditMinor, explanation } });
      const state = parsed.kind === "accept" ? "accepted" : parsed.kind === "partial" ? "partial" : "rejected";
      const claimById = new Map(claims.map((c) => [c.id, c]));
      const rows = items.map((i) => ({
        id: i.id,
        share: claimById.get(i.id)?.share ?? "0",
        minor: (perClaim.get(i.id) ?? 0n).toString(),
        note: creditNoteOf.get(i.id) ?? null,
      }));
      // The ids as a plain list too: an index condition under row-level security (ARCHITECTURE.md).
      await tx.$executeRaw`
        UPDATE disputed_outcome o SET "state" = ${state}::disputed_outcome_state, "decisionId" = ${decision.id}::uuid,
          "creditShare" = r."share"::numeric, "creditMinor" = r."minor"::bigint, "creditNoteId" = r."note"::uuid
        FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.share)}::text[],
          ${rows.map((r) => r.minor)}::text[], ${rows.map((r) => r.note)}::text[]) AS r("id", "share", "minor", "note")
        WHERE o."id" = ANY(${rows.map((r) => r.id)}::text[]::uuid[]) AND o."id" = r."id"::uuid`;
      const updated = await tx.dispute.update({
        where: { id: dispute.id },
        data: {
          undecidedCount: { decrement: items.length },
          creditedMinor: { increment: creditMinor },
          lastActivityAt: now,
        },
      });
      const resolved = updated.undecidedCount === 0;
      if (resolved) {
        await tx.dispute.update({ where: { id: dispute.id }, data: { status: "resolved", resolvedAt: now } });
      }
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
          creditNotes: [...new Set(creditNoteOf.values())],
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
      return {
        decisionId: decision.id,
        creditMinor,
        explanation,
        resolved,
        creditNotes: [...new Set(creditNoteOf.values())],
      };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

async function loadItems(tx: Tx, disputeId: string, attemptIds: readonly string[]): Promise<Item[]> {
  return tx.$queryRaw<Item[]>`
    SELECT o."id", o."attemptId", o."state"::text AS "state", o."disputedShare"::text AS "disputedShare",
      o."periodStart", o."invoiceId", d."key" AS "definitionKey", a."occurredAt", a."subject",
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

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k) ?? [];
    group.push(item);
    groups.set(k, group);
  }
  return groups;
}
