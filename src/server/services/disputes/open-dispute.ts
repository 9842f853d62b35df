// A finance user contests outcomes: the scope is resolved within their own company, every
// outcome is checked (billed, within the window, not fully credited, not already disputed),
// and the dispute, its outcomes, the audit entry, the reviewers' notifications and the
// dispute.opened webhook are written in one transaction. Two disputes racing for the same
// outcome: the partial unique index lets one win and the other gets a clear conflict.
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { actorLabel } from "@/domain/actor";
import { DISPUTE_REASON_LABELS, DISPUTE_REASONS } from "@/domain/disputes/dispute-terms";
import { addBusinessDays } from "@/domain/disputes/service-level";
import { nextPeriodStart } from "@/domain/invoicing/periods";
import { formatMoney } from "@/domain/money";
import { clock } from "@/server/clock";
import { databaseFailureOf, db, type Tx, transaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { text, webUrl } from "@/server/input-rules";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { holdBillingLocksShared } from "@/server/services/invoicing/billing-lock";
import { takeDocumentNumber } from "@/server/services/invoicing/document-numbers";
import { notifyProviderStaff } from "@/server/services/notifications/notify";
import { DEFAULT_DISPUTE_SLA_BUSINESS_DAYS } from "@/server/services/settings/get-provider-settings";
import { appLink, enqueueWebhook } from "@/server/services/webhooks/enqueue-webhook";
import { priceClaimsByPeriod } from "./credit-context";
import { assessOutcomes, type EligibleOutcome, type Refusal } from "./dispute-eligibility";
import { DisputeScope, resolveDisputeScope } from "./dispute-scope";
import { autoAssign } from "./internal/auto-assign";

export const DisputeClaim = z.strictObject({
  reason: z.enum(DISPUTE_REASONS, "Choose the reason that fits best."),
  message: text()
    .trim()
    .min(10, "Tell the reviewer what is wrong in a sentence or two (at least 10 characters).")
    .max(5_000, "Keep the message under 5,000 characters; add the rest as supporting text."),
  supportingText: text().trim().max(20_000, "Keep supporting text under 20,000 characters.").default(""),
  supportingLinks: z
    .array(webUrl("Each link is a full web address starting with https://"))
    .max(20, "Add at most 20 links.")
    .default([]),
});

export const OpenDisputeInput = DisputeClaim.extend({
  scope: DisputeScope,
  /** Dispute the outcomes that can be disputed and leave the others (after a preview said which). */
  onlyEligible: z.boolean().default(false),
});
export type OpenDisputeInput = z.input<typeof OpenDisputeInput>;

export interface DisputePreview {
  label: string;
  eligibleCount: number;
  atStakeMinor: bigint;
  currency: string;
  refused: Refusal[];
}

/** What opening a dispute on this scope would do, without writing anything. */
export async function previewDispute({
  actor,
  customerId,
  scope,
  now = clock.now(),
}: {
  actor: Actor;
  customerId: string;
  scope: z.input<typeof DisputeScope>;
  now?: Date;
}): Promise<DisputePreview> {
  const parsed = DisputeScope.parse(scope);
  const { attemptIds, label } = await resolveDisputeScope(actor, customerId, parsed);
  const tx = db();
  const { eligible, refused } = await assessOutcomes(tx, customerId, attemptIds, now);
  const { perClaim } = await priceClaimsByPeriod(tx, customerId, claimsOf(eligible));
  const { currency } = await tx.customer.findUniqueOrThrow({ where: { id: customerId }, select: { currency: true } });
  return {
    label,
    eligibleCount: eligible.length,
    atStakeMinor: [...perClaim.values()].reduce((s, m) => s + m, 0n),
    currency,
    refused,
  };
}

export async function openDispute({
  actor,
  customerId,
  input,
  now = clock.now(),
}: {
  actor: Actor & { kind: "user" };
  customerId: string;
  input: OpenDisputeInput;
  now?: Date;
}) {
  const parsed = OpenDisputeInput.parse(input);
  const { attemptIds, label } = await resolveDisputeScope(actor, customerId, parsed.scope);
  try {
    return await transaction(
      async (tx) => {
        await holdBillingLocksShared(tx, [customerId]);
        const { eligible, refused } = await assessOutcomes(tx, customerId, attemptIds, now);
        if (eligible.length === 0) {
          throw new AppError(
            "VALIDATION_FAILED",
            `None of these outcomes can be disputed. ${refused.map((r) => r.message).join(" ")}`,
            [{ path: "scope", message: "Nothing to dispute." }],
          );
        }
        if (refused.length > 0 && !parsed.onlyEligible) {
          const count = refused.reduce((s, r) => s + r.count, 0);
          throw new AppError(
            "VALIDATION_FAILED",
            `${count} of the ${attemptIds.length} outcomes cannot be disputed. ${refused.map((r) => r.message).join(" ")}`,
            refused.map((r) => ({ path: `scope.${r.reason}`, message: r.message })),
          );
        }
        const items = await withInvoiceRows(tx, customerId, eligible);
        const { perClaim } = await priceClaimsByPeriod(tx, customerId, claimsOf(items));
        const atStakeMinor = [...perClaim.values()].reduce((s, m) => s + m, 0n);
        const [customer, settings] = await Promise.all([
          tx.customer.findUniqueOrThrow({ where: { id: customerId } }),
          tx.providerSettings.findUnique({ where: { id: 1 } }),
        ]);
        const number = await takeDocumentNumber(tx, "DSP", now);
        const dispute = await tx.dispute.create({
          data: {
            customerId,
            number,
            reason: parsed.reason,
            message: parsed.message,
            supportingText: parsed.supportingText,
            supportingLinks: parsed.supportingLinks,
            scopeLabel: label,
            currency: customer.currency,
            openedById: actor.userId,
            openedBy: actorLabel(actor),
            openedAt: now,
            slaDueAt: addBusinessDays(now, settings?.disputeSlaBusinessDays ?? DEFAULT_DISPUTE_SLA_BUSINESS_DAYS),
            outcomeCount: items.length,
            undecidedCount: items.length,
            atStakeMinor,
            lastActivityAt: now,
          },
        });
        // One statement with array parameters: Prisma's createMany spent ~1 ms per row here.
        await tx.$executeRaw`
          INSERT INTO disputed_outcome ("id", "disputeId", "customerId", "attemptId", "definitionId", "periodStart",
            "invoiceId", "disputedShare", "atStakeMinor")
          SELECT gen_random_uuid(), ${dispute.id}::uuid, ${customerId}::uuid, r."attemptId"::uuid, r."definitionId"::uuid,
            r."periodStart"::timestamptz, r."invoiceId"::uuid, r."share"::numeric, r."atStake"::bigint
          FROM unnest(${items.map((o) => o.attemptId)}::text[], ${items.map((o) => o.definitionId)}::text[],
            ${items.map((o) => o.periodStart.toISOString())}::text[], ${items.map((o) => o.invoiceId)}::text[],
            ${items.map((o) => o.disputedShare)}::text[], ${items.map((o) => (perClaim.get(o.attemptId) ?? 0n).toString())}::text[])
            AS r("attemptId", "definitionId", "periodStart", "invoiceId", "share", "atStake")`;
        const reason = DISPUTE_REASON_LABELS[parsed.reason];
        await appendAuditEntry(tx, {
          actor,
          action: "dispute.opened",
          subjectType: "dispute",
          subjectId: dispute.id,
          customerId,
          after: {
            number,
            reason: parsed.reason,
            message: parsed.message,
            scope: label,
            outcomes: items.length,
            atStakeMinor,
            currency: customer.currency,
            leftOut: refused.map((r) => ({ reason: r.reason, count: r.count })),
          },
        });
        await autoAssign(tx, { id: dispute.id, number, customerId });
        const stake = formatMoney(atStakeMinor, customer.currency);
        await notifyProviderStaff(tx, customerId, {
          kind: "dispute.opened",
          title: `New dispute ${number} from ${customer.name}`,
          body: `${items.length} ${items.length === 1 ? "outcome" : "outcomes"}, ${stake} at stake: ${reason}.`,
          link: `/review/${dispute.id}`,
        });
        await enqueueWebhook(tx, {
          type: "dispute.opened",
          payload: {
            disputeId: dispute.id,
            number,
            customerId,
            customerExternalId: customer.externalId,
            reason: parsed.reason,
            message: parsed.message,
            outcomes: items.length,
            currency: customer.currency,
            atStakeMinor: atStakeMinor.toString(),
            openedAt: now.toISOString(),
            slaDueAt: dispute.slaDueAt.toISOString(),
            links: { review: appLink(`/review/${dispute.id}`) },
          },
        });
        return { disputeId: dispute.id, number, outcomes: items.length, atStakeMinor, leftOut: refused };
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  } catch (error) {
    // The partial unique index on undecided disputed outcomes: its own words rather than the generic CONFLICT.
    if (databaseFailureOf(error)?.sqlState === "23505") {
      throw new AppError(
        "CONFLICT",
        "Some of these outcomes were put in another open dispute a moment ago. Refresh to see which, and dispute the rest.",
      );
    }
    throw error;
  }
}

function claimsOf(items: readonly EligibleOutcome[]) {
  return items.map((o) => ({
    id: o.attemptId,
    definitionKey: o.definitionKey,
    share: o.disputedShare,
    periodStart: o.periodStart,
    occurredAt: o.occurredAt,
    finalized: o.finalized,
  }));
}

/** Drafts get their invoice row now, so every disputed outcome names the invoice it is on. */
async function withInvoiceRows(
  tx: Tx,
  customerId: string,
  items: EligibleOutcome[],
): Promise<(EligibleOutcome & { invoiceId: string })[]> {
  const missing = [...new Set(items.filter((o) => !o.invoiceId).map((o) => o.periodStart.getTime()))];
  const created = new Map<number, string>();
  if (missing.length > 0) {
    const { currency } = await tx.customer.findUniqueOrThrow({ where: { id: customerId }, select: { currency: true } });
    for (const time of missing) {
      const periodStart = new Date(time);
      const periodEnd = nextPeriodStart(periodStart);
      await tx.invoice.createMany({
        data: [{ customerId, periodStart, periodEnd, currency }],
        skipDuplicates: true,
      });
      const row = await tx.invoice.findUniqueOrThrow({
        where: { customerId_periodStart: { customerId, periodStart } },
        select: { id: true },
      });
      created.set(time, row.id);
    }
  }
  return items.map((o) => ({ ...o, invoiceId: o.invoiceId ?? created.get(o.periodStart.getTime())! }));
}
