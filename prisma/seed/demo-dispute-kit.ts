// What the demo dispute stories share: who acts (the demo users, as the app builds them), the
// steps of each story on one timeline, and the billable outcomes a story may pick, as the
// customer could have disputed them at that moment.
import type { Actor } from "@/domain/actor";
import { nextPeriodStart } from "@/domain/invoicing/periods";
import { db } from "@/server/db";
import { assignDispute } from "@/server/services/disputes/assign-dispute";
import { type DecideInput, decideDisputedOutcomes } from "@/server/services/disputes/decide-disputed-outcomes";
import { type OpenDisputeInput, openDispute } from "@/server/services/disputes/open-dispute";
import { replyToDispute } from "@/server/services/disputes/reply-to-dispute";
import { DAY, HOUR, type Rng } from "./demo-random";

export type UserActor = Actor & { kind: "user" };

export interface Cast {
  now: Date;
  rita: UserActor;
  ada: UserActor;
  finance: Record<"globex" | "initech" | "umbrella", { actor: UserActor; customerId: string }>;
  /** Outcomes already put in a demo dispute, so no two scenarios pick the same one. */
  used: Set<string>;
  rng: Rng;
  log: (line: string) => void;
}

export interface Outcome {
  id: string;
  subject: string;
  occurredAt: Date;
  attributes: Record<string, unknown>;
}

/** A dispute's story: its steps run in the order of their times, among every other dispute's. */
export interface Story {
  name: string;
  disputeId?: string;
  skipped?: string;
}
export interface Step {
  at: Date;
  story: Story;
  run: (at: Date) => Promise<unknown>;
}

/** hh:mm UTC on the n-th business day (Monday to Friday) before `now`'s day; n = 0 is today. */
export function businessDaysAgo(now: Date, n: number, hour: number, minute: number): Date {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour, minute));
  for (let left = n; left > 0; ) {
    at.setUTCDate(at.getUTCDate() - 1);
    if (at.getUTCDay() !== 0 && at.getUTCDay() !== 6) left -= 1;
  }
  return at;
}

export const day = (at: Date) => at.toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
export const weekday = (at: Date) =>
  at.toLocaleDateString("en-US", { weekday: "long", month: "short", day: "numeric", timeZone: "UTC" });
export const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/** The first period whose invoice is still a draft for this customer. */
async function firstDraftPeriod(customerId: string): Promise<Date> {
  const last = await db().invoice.findFirst({
    where: { customerId, status: "finalized" },
    orderBy: { periodStart: "desc" },
    select: { periodStart: true },
  });
  return last ? nextPeriodStart(last.periodStart) : new Date(0);
}

/** The customer's finalized invoices, newest first, with when each one's dispute window closes. */
export async function finalizedInvoices(customerId: string) {
  const [invoices, contracts] = await Promise.all([
    db().invoice.findMany({
      where: { customerId, status: "finalized" },
      orderBy: { periodStart: "desc" },
      select: { id: true, number: true, periodStart: true, finalizedAt: true },
    }),
    db().contract.findMany({
      where: { customerId },
      orderBy: { effectiveFrom: "asc" },
      select: { effectiveFrom: true, disputeWindowDays: true },
    }),
  ]);
  return invoices.flatMap((invoice) => {
    const days = contracts.filter((c) => c.effectiveFrom <= invoice.periodStart).at(-1)?.disputeWindowDays ?? 0;
    if (!invoice.finalizedAt || !invoice.number) return [];
    return [
      {
        ...invoice,
        number: invoice.number,
        finalizedAt: invoice.finalizedAt,
        windowClosesAt: new Date(invoice.finalizedAt.getTime() + days * DAY),
      },
    ];
  });
}

/** The newest finalized invoice still open to disputes at `at` (and finalized before it), if any. */
export async function disputableInvoiceAt(customerId: string, at: Date) {
  return (await finalizedInvoices(customerId)).find((i) => i.finalizedAt < at && i.windowClosesAt > at) ?? null;
}

/**
 * Billable outcomes the customer could have disputed at `before` (their window had closed by
 * then), newest first: on the draft, or billed on one finalized invoice; never one already used.
 */
export async function billableOutcomes(
  cast: Cast,
  customerId: string,
  definition: string,
  before: Date,
  on: "draft" | { invoiceId: string },
  where: (o: Outcome) => boolean = () => true,
): Promise<Outcome[]> {
  const rows = await db().attempt.findMany({
    where: {
      customerId,
      definition: { key: definition },
      status: "billable",
      eventCount: { gt: 0 },
      windowClosesAt: { lt: new Date(before.getTime() - HOUR) },
      ...(on === "draft"
        ? { billedInvoiceId: null, occurredAt: { gte: await firstDraftPeriod(customerId) } }
        : { billedInvoiceId: on.invoiceId, billedStatus: "billable" }),
    },
    select: { id: true, subject: true, occurredAt: true, attributes: true },
    orderBy: { occurredAt: "desc" },
    take: 1_500,
  });
  return rows
    .map((r) => ({ ...r, attributes: (r.attributes ?? {}) as Record<string, unknown> }))
    .filter((o) => !cast.used.has(o.id) && where(o));
}

/** `count` of the outcomes, preferring those that fit the story, spread rather than the newest. */
export function choose(cast: Cast, outcomes: Outcome[], count: number, fits: (o: Outcome) => boolean = () => true) {
  const fitting = outcomes.filter(fits);
  const pool = [...(fitting.length >= count ? fitting : outcomes)];
  const chosen: Outcome[] = [];
  while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(cast.rng.int(0, pool.length - 1), 1)[0]!);
  if (chosen.length < count) throw new Error(`only ${chosen.length} of ${count} eligible outcomes were found.`);
  for (const o of chosen) cast.used.add(o.id);
  return chosen.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
}

export const topicIn =
  (...topics: string[]) =>
  (o: Outcome) =>
    topics.includes(String(o.attributes.topic));

export async function open(cast: Cast, story: Story, who: keyof Cast["finance"], at: Date, input: OpenDisputeInput) {
  const { actor, customerId } = cast.finance[who];
  const opened = await openDispute({ actor, customerId, input, now: at });
  story.disputeId = opened.disputeId;
  const rows = await db().disputedOutcome.findMany({
    where: { disputeId: opened.disputeId },
    select: { attemptId: true },
  });
  for (const r of rows) cast.used.add(r.attemptId);
  return opened;
}

export function reply(actor: UserActor, story: Story, at: Date, body: string) {
  return replyToDispute({ actor, input: { disputeId: story.disputeId!, body }, now: at });
}

export function decide(
  cast: Cast,
  story: Story,
  at: Date,
  outcomes: Outcome[],
  decision: Omit<DecideInput, "disputeId" | "attemptIds">,
) {
  return decideDisputedOutcomes({
    actor: cast.rita,
    input: { disputeId: story.disputeId!, attemptIds: outcomes.map((o) => o.id), ...decision },
    now: at,
  });
}

/** The step in which the reviewer decides `outcomes` at `at`. */
export function decisionStep(
  cast: Cast,
  story: Story,
  at: Date,
  outcomes: Outcome[],
  decision: Omit<DecideInput, "disputeId" | "attemptIds">,
): Step {
  return { at, story, run: (when) => decide(cast, story, when, outcomes, decision) };
}

export function selfAssign(cast: Cast, story: Story, at: Date) {
  return assignDispute({
    actor: cast.rita,
    input: { disputeId: story.disputeId!, assigneeId: cast.rita.userId },
    now: at,
  });
}
