// The drill-down from one invoice line to the exact attempts behind it, a page at a time.
// A finalized invoice shows what was billed on it (the status each attempt was billed as),
// whatever happened to the attempts since; a draft shows what it would bill now.
import { z } from "zod";
import { customerScopeOf, scopedToCustomer } from "@/domain/access/customer-scope";
import type { Actor } from "@/domain/actor";
import { nextPeriodStart, periodStartOf } from "@/domain/invoicing/periods";
import type { InvoiceLineKind } from "@/domain/rating/contract-terms";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { coercedInt, isSupportedInstant, text } from "@/server/input-rules";
import { computeInvoice } from "./compute-invoice";
import {
  type AttemptFilter,
  type AttemptKey,
  billedAs,
  type LineAttempt,
  nthLineAttempt,
  type OutcomeStatus,
  type PageStart,
  pageLineAttempts,
} from "./line-attempts";

export const LineOutcomesInput = z.strictObject({
  invoiceId: z.uuid("The invoice id is a UUID."),
  position: coercedInt().min(0, "Line positions start at 0."),
  cursor: text().max(300).optional().describe("nextCursor from the previous page."),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type LineOutcomesInput = z.input<typeof LineOutcomesInput>;

/** Lines that are not counts of outcomes, and why they have none behind them. */
const NOT_TRACED: Partial<Record<InvoiceLineKind, string>> = {
  platform_fee: "The platform fee is a fixed monthly charge: no outcomes are behind it.",
  tier_flat_fee:
    "A tier's flat fee is charged once when the month's count enters the tier: its outcomes are on the tier's line.",
  price_minimum: "This outcome price's minimum makes up a shortfall: no outcomes are behind it.",
  price_maximum:
    "This outcome price's maximum lowers its outcome lines to the maximum: its outcomes are those of those lines.",
  cap_adjustment:
    "The cap adjustment lowers the usage lines to the monthly cap: its outcomes are those of the usage lines.",
  price_discount: "A discount lowers this outcome price's lines: its outcomes are those of those lines.",
  invoice_discount: "A discount on the whole invoice: its outcomes are those of the usage lines.",
  minimum_true_up: "The minimum commitment true-up covers a shortfall: no outcomes are behind it.",
  commitment_true_up:
    "The commitment true-up covers the shortfall of a commitment over several months: no outcomes are behind it.",
  dispute_credit: "A dispute credit is listed with its dispute, which names the outcomes it credits.",
};

export interface LineOutcome {
  id: string;
  subject: string;
  definition: string;
  version: number;
  occurredAt: Date;
  /** The outcome as it stands now. */
  status: OutcomeStatus;
  /** As billed on this invoice (finalized) or as it would be billed now (draft); null: not counted. */
  billedAs: OutcomeStatus | null;
}

interface TracedLine {
  position: number;
  kind: InvoiceLineKind;
  definitionId: string | null;
  description: string;
  /** Null for an adjustment line. */
  quantity: string | null;
  unitPrice: string | null;
  amountMinor: bigint;
  tierFrom: number | null;
  tierTo: number | null;
  sourcePeriodStart: Date | null;
}

export async function listLineOutcomes({
  actor,
  customerId,
  ...input
}: LineOutcomesInput & {
  actor: Actor;
  /** Narrows further, e.g. to the customer a portal page shows; the actor's scope always applies. */
  customerId?: string;
}) {
  const { invoiceId, position, cursor, limit } = LineOutcomesInput.parse(input);
  const after = cursor ? decodeCursor(cursor) : null;
  const invoice = await db().invoice.findFirst({
    where: { id: invoiceId, AND: [scopedToCustomer(customerScopeOf(actor)), customerId ? { customerId } : {}] },
    select: {
      id: true,
      customerId: true,
      periodStart: true,
      periodEnd: true,
      status: true,
      number: true,
      currency: true,
    },
  });
  if (!invoice) throw AppError.notFound("The invoice");
  const finalized = invoice.status === "finalized";
  const { line, lateAttempts } = finalized
    ? { line: await storedLine(invoice.id, position), lateAttempts: undefined }
    : await draftLine(invoice.customerId, invoice.periodStart, position);
  if (!line) throw AppError.notFound("The invoice line");

  const base = { invoice, line };
  const note = NOT_TRACED[line.kind];
  if (note) return { ...base, traced: false, note, outcomes: [] as LineOutcome[], nextCursor: null };

  const billedOn = finalized ? invoice.id : null;
  const period = { customerId: invoice.customerId, from: invoice.periodStart, to: invoice.periodEnd, billedOn };
  let filter: AttemptFilter;
  let firstRank = 1;
  let lastRank: number | null = null;
  if (line.kind === "late_items" && line.sourcePeriodStart) {
    const source = line.sourcePeriodStart;
    const ids = lateAttempts
      ?.filter((a) => periodStartOf(a.occurredAt).getTime() === source.getTime())
      .map((a) => a.id);
    filter = { ...period, from: source, to: nextPeriodStart(source), include: "any", ids };
  } else {
    const definitionId = line.definitionId ?? undefined;
    if (line.kind === "outcomes") {
      filter = { ...period, definitionId, include: "billable" };
      firstRank = line.tierFrom ?? 1;
      lastRank = line.tierTo;
    } else {
      filter = { ...period, definitionId, include: "counted" };
    }
  }

  // Ranks count the line's outcomes in (occurredAt, id) order: a tier line shows only its range.
  const nextRank = after ? after.rank + 1 : firstRank;
  const remaining = lastRank === null ? Number.POSITIVE_INFINITY : lastRank - nextRank + 1;
  const take = Math.min(limit, remaining);
  let start: PageStart = after ? { key: after, inclusive: false } : null;
  if (!after && nextRank > 1) {
    const first = await nthLineAttempt(filter, nextRank);
    if (!first) return { ...base, traced: true, note: null, outcomes: [], nextCursor: null };
    start = { key: first, inclusive: true };
  }
  const rows = await pageLineAttempts(filter, start, take + 1);
  const page = rows.slice(0, take);
  const last = page.at(-1);
  const more = rows.length > take && take < remaining;
  return {
    ...base,
    traced: true,
    note: null,
    outcomes: page.map((row) => toLineOutcome(row, finalized)),
    nextCursor: more && last ? encodeCursor(last, nextRank + page.length - 1) : null,
  };
}

async function storedLine(invoiceId: string, position: number): Promise<TracedLine | null> {
  const line = await db().invoiceLine.findUnique({ where: { invoiceId_position: { invoiceId, position } } });
  if (!line) return null;
  return {
    ...line,
    kind: line.kind as InvoiceLineKind,
    quantity: line.quantity?.toString() ?? null,
    unitPrice: line.unitPrice?.toString() ?? null,
  };
}

async function draftLine(customerId: string, periodStart: Date, position: number) {
  const draft = await computeInvoice(customerId, periodStart);
  const line = draft.lines[position];
  return {
    line: line
      ? {
          position,
          kind: line.kind,
          definitionId: line.definitionId,
          description: line.description,
          quantity: line.quantity,
          unitPrice: line.unitPrice,
          amountMinor: line.amountMinor,
          tierFrom: line.tier?.from ?? null,
          tierTo: line.tier?.to ?? null,
          sourcePeriodStart: line.sourcePeriodStart,
        }
      : null,
    // The attempts finalizing this draft would bill late: the same set the late lines were rated from.
    lateAttempts: draft.late.attempts,
  };
}

function toLineOutcome(row: LineAttempt, finalized: boolean): LineOutcome {
  return {
    id: row.id,
    subject: row.subject,
    definition: row.definition,
    version: row.version,
    occurredAt: row.occurredAt,
    status: row.status,
    billedAs: billedAs(row, finalized),
  };
}

function encodeCursor(key: AttemptKey, rank: number): string {
  return Buffer.from(`${key.occurredAt.toISOString()}|${key.id}|${rank}`).toString("base64url");
}

function decodeCursor(cursor: string): AttemptKey & { rank: number } {
  const [time, id, rankText] = Buffer.from(cursor, "base64url").toString().split("|");
  const occurredAt = new Date(time ?? "");
  const rank = Number(rankText);
  if (!isSupportedInstant(occurredAt) || !z.uuid().safeParse(id).success || !Number.isSafeInteger(rank) || rank < 1) {
    throw new AppError("VALIDATION_FAILED", "The cursor is not one this API gave out.", [
      { path: "cursor", message: "Unknown cursor." },
    ]);
  }
  return { occurredAt, id: id!, rank };
}
