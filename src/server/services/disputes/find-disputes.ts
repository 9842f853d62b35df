// Reading disputes: the reviewers' queue with its filters, sorting and counters, a customer's
// own disputes, one dispute with its outcomes, thread, decisions and audit trail, and the
// disputes an outcome is part of. Customer users only ever reach their own company's.
import { z } from "zod";
import { customerScopeOf, scopedToCustomer } from "@/domain/access/customer-scope";
import type { Actor } from "@/domain/actor";
import { DISPUTE_REASONS } from "@/domain/disputes/dispute-terms";
import { serviceLevelState } from "@/domain/disputes/service-level";
import type { Prisma } from "@/generated/prisma/client";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { isSupportedInstant, text } from "@/server/input-rules";
import { findDisputeInScope } from "./find-dispute-in-scope";
import { lookersOf } from "./internal/presence";

export const QueueQuery = z.strictObject({
  status: z.enum(["open", "resolved", "withdrawn", "all"]).default("open"),
  customerId: z.uuid().optional(),
  reason: z.enum(DISPUTE_REASONS).optional(),
  /** "me", "unassigned", or a reviewer's id. */
  assignee: z.union([z.literal("me"), z.literal("unassigned"), z.uuid()]).optional(),
  /** breached: past the service level; older_than_N: opened more than N days ago. */
  age: z.enum(["breached", "due_24h", "older_than_7d", "older_than_30d"]).optional(),
  sort: z.enum(["sla", "amount", "newest"]).default("sla"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type QueueQuery = z.input<typeof QueueQuery>;

const PAGE_SIZE = 50;

const queueSelect = {
  id: true,
  number: true,
  status: true,
  reason: true,
  message: true,
  openedAt: true,
  openedBy: true,
  slaDueAt: true,
  outcomeCount: true,
  undecidedCount: true,
  atStakeMinor: true,
  creditedMinor: true,
  currency: true,
  lastActivityAt: true,
  resolvedAt: true,
  withdrawnAt: true,
  scopeLabel: true,
  customer: { select: { id: true, name: true, timezone: true } },
  assignee: { select: { id: true, name: true } },
} as const satisfies Prisma.DisputeSelect;

export async function listReviewQueue({
  actor,
  query,
  now = clock.now(),
}: {
  actor: Actor & { kind: "user" };
  query: QueueQuery;
  now?: Date;
}) {
  const q = QueueQuery.parse(query);
  const where: Prisma.DisputeWhereInput = {
    ...(q.status !== "all" && { status: q.status }),
    ...(q.customerId && { customerId: q.customerId }),
    ...(q.reason && { reason: q.reason }),
    ...(q.assignee === "me"
      ? { assigneeId: actor.userId }
      : q.assignee === "unassigned"
        ? { assigneeId: null }
        : q.assignee
          ? { assigneeId: q.assignee }
          : {}),
    ...(q.age === "breached" && { status: "open", slaDueAt: { lt: now } }),
    ...(q.age === "due_24h" && { status: "open", slaDueAt: { gte: now, lt: new Date(now.getTime() + 86_400_000) } }),
    ...(q.age === "older_than_7d" && { openedAt: { lt: new Date(now.getTime() - 7 * 86_400_000) } }),
    ...(q.age === "older_than_30d" && { openedAt: { lt: new Date(now.getTime() - 30 * 86_400_000) } }),
  };
  const orderBy: Prisma.DisputeOrderByWithRelationInput[] =
    q.sort === "amount"
      ? [{ atStakeMinor: "desc" }, { slaDueAt: "asc" }, { id: "asc" }]
      : q.sort === "newest"
        ? [{ openedAt: "desc" }, { id: "desc" }]
        : [{ slaDueAt: "asc" }, { id: "asc" }];
  const [rows, total] = await Promise.all([
    db().dispute.findMany({ where, orderBy, skip: (q.page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: queueSelect }),
    db().dispute.count({ where }),
  ]);
  const lookers = await lookersOf(
    rows.map((d) => d.id),
    actor.userId,
    now,
  );
  return {
    disputes: rows.map((d) => ({
      ...d,
      serviceLevel: d.status === "open" ? serviceLevelState(d.slaDueAt, now) : null,
      /** Other staff with its review page open just now. */
      lookers: lookers.get(d.id) ?? [],
    })),
    total,
    page: q.page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

/** The navigation's counters for provider staff. */
export async function reviewQueueCounters({
  actor,
  now = clock.now(),
}: {
  actor: Actor & { kind: "user" };
  now?: Date;
}) {
  const [open, unassigned, mine, breached] = await Promise.all([
    db().dispute.count({ where: { status: "open" } }),
    db().dispute.count({ where: { status: "open", assigneeId: null } }),
    db().dispute.count({ where: { status: "open", assigneeId: actor.userId } }),
    db().dispute.count({ where: { status: "open", slaDueAt: { lt: now } } }),
  ]);
  return { open, unassigned, mine, breached };
}

/** The reviewers and admins a dispute can be assigned to. */
export async function listAssignableReviewers() {
  return db().user.findMany({
    where: { role: { in: ["admin", "reviewer"] }, disabledAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true, role: true },
  });
}

/** The customer's list shows the most recent disputes up to this many; the page says so when it is reached. */
export const CUSTOMER_DISPUTE_LIST_LIMIT = 500;

export const CustomerDisputesQuery = z.strictObject({
  status: z.enum(["open", "resolved", "withdrawn", "all"]).default("all"),
});

export async function listCustomerDisputes({
  customerId,
  query,
  now = clock.now(),
}: {
  customerId: string;
  query: z.input<typeof CustomerDisputesQuery>;
  now?: Date;
}) {
  const q = CustomerDisputesQuery.parse(query);
  const rows = await db().dispute.findMany({
    where: { customerId, ...(q.status !== "all" && { status: q.status }) },
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    take: CUSTOMER_DISPUTE_LIST_LIMIT,
    select: queueSelect,
  });
  return rows.map((d) => ({ ...d, serviceLevel: d.status === "open" ? serviceLevelState(d.slaDueAt, now) : null }));
}

export const DisputeOutcomesQuery = z.strictObject({
  disputeId: z.uuid(),
  state: z.enum(["undecided", "accepted", "partial", "rejected", "withdrawn"]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  /** The position to start after (outcomes are listed by when they happened). */
  cursor: text().max(200).optional(),
});

/** One dispute with everything but its outcomes (those page separately: a dispute can hold 10,000). */
export async function getDispute({
  actor,
  disputeId,
  now = clock.now(),
}: {
  actor: Actor;
  disputeId: string;
  now?: Date;
}) {
  const found = await findDisputeInScope(actor, disputeId);
  const [dispute, messages, decisions, audit, byState] = await Promise.all([
    db().dispute.findUniqueOrThrow({
      where: { id: found.id },
      select: {
        ...queueSelect,
        supportingText: true,
        supportingLinks: true,
        slaDueAt: true,
        // The definition version published to address this dispute, for "addressed in version N".
        addressedByVersion: { select: { number: true, definition: { select: { key: true, name: true } } } },
      },
    }),
    db().disputeMessage.findMany({
      where: { disputeId: found.id, customerId: found.customerId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, authorLabel: true, side: true, body: true, createdAt: true },
    }),
    db().disputeDecision.findMany({
      where: { disputeId: found.id, customerId: found.customerId },
      orderBy: [{ decidedAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        kind: true,
        percent: true,
        rationale: true,
        rootCause: true,
        criterionPath: true,
        criterionLabel: true,
        decidedBy: true,
        decidedAt: true,
        outcomeCount: true,
        creditMinor: true,
        explanation: true,
        creditNotes: { select: { id: true, number: true, amountMinor: true, invoiceId: true } },
      },
    }),
    db().auditEntry.findMany({
      where: { subjectType: "dispute", subjectId: found.id, customerId: found.customerId },
      orderBy: { seq: "asc" },
      select: { seq: true, occurredAt: true, actorLabel: true, action: true },
    }),
    db().disputedOutcome.groupBy({
      by: ["state"],
      where: { disputeId: found.id, customerId: found.customerId },
      _count: { _all: true },
    }),
  ]);
  return {
    dispute: {
      ...dispute,
      serviceLevel: dispute.status === "open" ? serviceLevelState(dispute.slaDueAt, now) : null,
    },
    messages,
    decisions: decisions.map((d) => ({ ...d, percent: d.percent.toString() })),
    audit,
    countsByState: Object.fromEntries(byState.map((s) => [s.state, s._count._all])) as Partial<
      Record<"undecided" | "accepted" | "partial" | "rejected" | "withdrawn", number>
    >,
  };
}

/** A dispute's outcomes a page at a time, with what each was decided and credited. */
export async function listDisputeOutcomes({
  actor,
  query,
}: {
  actor: Actor;
  query: z.input<typeof DisputeOutcomesQuery>;
}) {
  const q = DisputeOutcomesQuery.parse(query);
  const found = await findDisputeInScope(actor, q.disputeId);
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const rows = await db().$queryRaw<DisputedOutcomeRow[]>`
    SELECT o."id", o."attemptId", a."subject", a."occurredAt", a."status"::text AS "status",
      d."key" AS "definitionKey", d."name" AS "definitionName", v."number" AS "version",
      o."state"::text AS "state", o."disputedShare"::text AS "disputedShare", o."creditShare"::text AS "creditShare",
      o."atStakeMinor", o."creditMinor", o."decisionId", o."invoiceId", i."number" AS "invoiceNumber",
      i."status"::text AS "invoiceStatus", c."number" AS "creditNoteNumber"
    FROM disputed_outcome o
    JOIN attempt a ON a."id" = o."attemptId"
    JOIN outcome_definition d ON d."id" = a."definitionId"
    JOIN definition_version v ON v."id" = a."definitionVersionId"
    JOIN invoice i ON i."id" = o."invoiceId"
    LEFT JOIN credit_note c ON c."id" = o."creditNoteId"
    WHERE o."disputeId" = ${found.id}::uuid AND o."customerId" = ${found.customerId}::uuid
      AND (${q.state ?? null}::text IS NULL OR o."state"::text = ${q.state ?? null}::text)
      AND (${after?.occurredAt ?? null}::timestamptz IS NULL
        OR (a."occurredAt", a."id") > (${after?.occurredAt ?? null}::timestamptz, ${after?.id ?? null}::uuid))
    ORDER BY a."occurredAt", a."id"
    LIMIT ${q.limit + 1}`;
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    outcomes: page,
    nextCursor:
      rows.length > q.limit && last
        ? Buffer.from(`${last.occurredAt.toISOString()}|${last.attemptId}`).toString("base64url")
        : null,
  };
}

export interface DisputedOutcomeRow {
  id: string;
  attemptId: string;
  subject: string;
  occurredAt: Date;
  status: "pending" | "billable" | "not_billable";
  definitionKey: string;
  definitionName: string;
  version: number;
  state: "undecided" | "accepted" | "partial" | "rejected" | "withdrawn";
  disputedShare: string;
  creditShare: string;
  atStakeMinor: bigint;
  creditMinor: bigint;
  decisionId: string | null;
  invoiceId: string;
  invoiceNumber: string | null;
  invoiceStatus: "draft" | "finalized";
  creditNoteNumber: string | null;
}

function decodeCursor(cursor: string): { occurredAt: Date; id: string } | null {
  const [time, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const occurredAt = new Date(time ?? "");
  if (!id || !isSupportedInstant(occurredAt) || !z.uuid().safeParse(id).success) return null;
  return { occurredAt, id };
}

/** The disputes an outcome is (or was) part of, for its evidence trail. */
export async function disputesOfOutcome({ actor, attemptId }: { actor: Actor; attemptId: string }) {
  const rows = await db().disputedOutcome.findMany({
    where: { attemptId, ...scopedToCustomer(customerScopeOf(actor)) },
    orderBy: { dispute: { openedAt: "desc" } },
    select: {
      state: true,
      creditShare: true,
      creditMinor: true,
      dispute: { select: { id: true, number: true, status: true, currency: true, openedAt: true } },
      decision: { select: { kind: true, percent: true, rationale: true, decidedAt: true } },
    },
  });
  return rows.map((r) => ({
    ...r,
    creditShare: r.creditShare.toString(),
    decision: r.decision && { ...r.decision, percent: r.decision.percent.toString() },
  }));
}

/** The outcomes a draft invoice's "Dispute credits" line takes off, with their disputes. */
export async function creditedOutcomesOnDraft({ actor, invoiceId }: { actor: Actor; invoiceId: string }) {
  const rows = await db().disputedOutcome.findMany({
    where: { invoiceId, creditNoteId: null, creditShare: { gt: 0 }, ...scopedToCustomer(customerScopeOf(actor)) },
    orderBy: [{ dispute: { number: "asc" } }, { id: "asc" }],
    take: 10_000,
    select: {
      attemptId: true,
      creditShare: true,
      creditMinor: true,
      state: true,
      dispute: { select: { id: true, number: true } },
      decision: { select: { kind: true, percent: true, decidedAt: true } },
    },
  });
  // Disputed outcomes keep no relation to attempts (Citus-friendly); the subjects are read apart.
  const subjects = await db().attempt.findMany({
    where: { id: { in: rows.map((r) => r.attemptId) }, ...scopedToCustomer(customerScopeOf(actor)) },
    select: { id: true, subject: true },
  });
  const subjectOf = new Map(subjects.map((a) => [a.id, a.subject]));
  return rows.map((r) => ({
    ...r,
    subject: subjectOf.get(r.attemptId) ?? r.attemptId,
    creditShare: r.creditShare.toString(),
    decision: r.decision && { ...r.decision, percent: r.decision.percent.toString() },
  }));
}
