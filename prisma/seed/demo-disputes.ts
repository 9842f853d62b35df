// Demo disputes in every state, made only through the use cases the portal calls (open,
// assign, reply, decide, withdraw), by the demo's own finance users and reviewer, at times
// spread over the last weeks so the review queue and each thread read like a real history:
// fresh, assigned with a thread, past its service level with many outcomes, partly decided,
// resolved on the draft (its "Dispute credits" line) and on a finalized invoice (credit
// notes), withdrawn, and, when Umbrella's figures make it so, one credited 0.00 under its
// minimum or cap. Runs once: when any dispute exists it does nothing.
//
// Before that, ended months are finalized on the day the scheduler would have finalized them
// (their grace days after the month), so invoice numbers follow the months and dispute windows
// are counted from realistic dates. The scheduler would otherwise finalize them all at the
// first start, on one day.
import type { Actor } from "@/domain/actor";
import { nextPeriodStart, periodLabel, periodStartOf } from "@/domain/invoicing/periods";
import { actorForUserId } from "@/server/auth/current-actor";
import { db } from "@/server/db";
import { assignDispute } from "@/server/services/disputes/assign-dispute";
import { type DecideInput, decideDisputedOutcomes } from "@/server/services/disputes/decide-disputed-outcomes";
import { type OpenDisputeInput, openDispute, previewDispute } from "@/server/services/disputes/open-dispute";
import { replyToDispute } from "@/server/services/disputes/reply-to-dispute";
import { withdrawDispute } from "@/server/services/disputes/withdraw-dispute";
import { finalizeDueInvoices } from "@/server/services/invoicing/finalize-due-invoices";
import { DAY, HOUR, MINUTE, Rng } from "./demo-random";

type UserActor = Actor & { kind: "user" };

interface Cast {
  now: Date;
  rita: UserActor;
  ada: UserActor;
  finance: Record<"globex" | "initech" | "umbrella", { actor: UserActor; customerId: string }>;
  /** Outcomes already put in a demo dispute, so no two scenarios pick the same one. */
  used: Set<string>;
  rng: Rng;
  log: (line: string) => void;
}

interface Outcome {
  id: string;
  subject: string;
  occurredAt: Date;
  attributes: Record<string, unknown>;
}

/** A dispute's story: its steps run in the order of their times, among every other dispute's. */
interface Story {
  name: string;
  disputeId?: string;
  skipped?: string;
}
interface Step {
  at: Date;
  story: Story;
  run: (at: Date) => Promise<unknown>;
}

export async function seedDemoDisputes({ now, log }: { now: Date; log: (line: string) => void }): Promise<void> {
  if (await db().dispute.findFirst({ select: { id: true } })) {
    log("Demo disputes: already in place.");
    return;
  }
  const started = performance.now();
  const cast = await castOf(now, log);
  if (!cast) return;
  const finalized = await finalizeEndedMonths(now);
  if (finalized.length > 0) {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log(`Demo invoices: ${finalized.length} ended months finalized on their due dates, ${seconds} s.`);
  }
  const disputesStarted = performance.now();

  const steps: Step[] = [];
  for (const story of [
    zeroCreditUnderMinimum,
    withdrawnAfterAnswer,
    resolvedOnFinalizedInvoice,
    breachedCarrierOutage,
    partlyDecided,
    resolvedOnDraft,
    assignedWithThread,
    freshReopened,
  ]) {
    steps.push(...(await story(cast)));
  }
  // Stable sort: steps of one dispute that share a time keep their order.
  steps.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const step of steps) {
    if (step.story.skipped) continue;
    const at = step.at < now ? step.at : new Date(now.getTime() - MINUTE);
    try {
      await step.run(at);
    } catch (error) {
      step.story.skipped = error instanceof Error ? error.message : String(error);
      log(`Demo disputes: “${step.story.name}” stopped: ${step.story.skipped}`);
    }
  }

  const counts = await db().dispute.groupBy({ by: ["status"], _count: { _all: true } });
  const seconds = ((performance.now() - disputesStarted) / 1000).toFixed(1);
  log(`Demo disputes: ${counts.map((c) => `${c._count._all} ${c.status}`).join(", ") || "none"}, in ${seconds} s.`);
}

async function castOf(now: Date, log: (line: string) => void): Promise<Cast | null> {
  const actor = async (email: string) => {
    const user = await db().user.findUnique({ where: { email }, select: { id: true } });
    return user ? actorForUserId(user.id) : null;
  };
  const customer = async (externalId: string, email: string) => {
    const [row, finance] = await Promise.all([
      db().customer.findUnique({ where: { externalId }, select: { id: true } }),
      actor(email),
    ]);
    return row && finance ? { actor: finance, customerId: row.id } : null;
  };
  const [rita, ada, globex, initech, umbrella] = await Promise.all([
    actor("reviewer@acme-support.ai"),
    actor("admin@acme-support.ai"),
    customer("globex", "finance@globex.example"),
    customer("initech", "finance@initech.example"),
    customer("umbrella", "finance@umbrella.example"),
  ]);
  if (!rita || !ada || !globex || !initech || !umbrella) {
    log("Demo disputes: skipped, a demo user or customer is missing (disabled or edited).");
    return null;
  }
  return {
    now,
    rita,
    ada,
    finance: { globex, initech, umbrella },
    used: new Set(),
    rng: new Rng("outcome-ledger-demo/disputes"),
    log,
  };
}

/** Each ended month, finalized when the scheduler would have: its contract's grace days after it ended. */
async function finalizeEndedMonths(now: Date): Promise<string[]> {
  const [first, grace] = await Promise.all([
    db().contract.findFirst({ orderBy: { effectiveFrom: "asc" }, select: { effectiveFrom: true } }),
    db().contract.aggregate({ _max: { graceDays: true } }),
  ]);
  if (!first) return [];
  const finalized: string[] = [];
  const graceMs = (grace._max.graceDays ?? 0) * DAY;
  for (let end = nextPeriodStart(periodStartOf(first.effectiveFrom)); ; end = nextPeriodStart(end)) {
    // 06:00 UTC on the due day, as a morning scheduler tick would have done it.
    const due = new Date(end.getTime() + graceMs + 6 * HOUR);
    if (due > now) break;
    finalized.push(...(await finalizeDueInvoices({ now: due })).finalized);
  }
  return finalized;
}

// ---------------------------------------------------------------------------------------------
// Time and outcome helpers

/** hh:mm UTC on the n-th business day (Monday to Friday) before `now`'s day; n = 0 is today. */
function businessDaysAgo(now: Date, n: number, hour: number, minute: number): Date {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour, minute));
  for (let left = n; left > 0; ) {
    at.setUTCDate(at.getUTCDate() - 1);
    if (at.getUTCDay() !== 0 && at.getUTCDay() !== 6) left -= 1;
  }
  return at;
}

const day = (at: Date) => at.toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const weekday = (at: Date) =>
  at.toLocaleDateString("en-US", { weekday: "long", month: "short", day: "numeric", timeZone: "UTC" });
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

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
async function finalizedInvoices(customerId: string) {
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
async function disputableInvoiceAt(customerId: string, at: Date) {
  return (await finalizedInvoices(customerId)).find((i) => i.finalizedAt < at && i.windowClosesAt > at) ?? null;
}

/**
 * Billable outcomes the customer could have disputed at `before` (their window had closed by
 * then), newest first: on the draft, or billed on one finalized invoice; never one already used.
 */
async function billableOutcomes(
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
function choose(cast: Cast, outcomes: Outcome[], count: number, fits: (o: Outcome) => boolean = () => true) {
  const fitting = outcomes.filter(fits);
  const pool = [...(fitting.length >= count ? fitting : outcomes)];
  const chosen: Outcome[] = [];
  while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(cast.rng.int(0, pool.length - 1), 1)[0]!);
  if (chosen.length < count) throw new Error(`only ${chosen.length} of ${count} eligible outcomes were found.`);
  for (const o of chosen) cast.used.add(o.id);
  return chosen.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
}

const topicIn =
  (...topics: string[]) =>
  (o: Outcome) =>
    topics.includes(String(o.attributes.topic));

async function open(cast: Cast, story: Story, who: keyof Cast["finance"], at: Date, input: OpenDisputeInput) {
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

function reply(actor: UserActor, story: Story, at: Date, body: string) {
  return replyToDispute({ actor, input: { disputeId: story.disputeId!, body }, now: at });
}

function decide(
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

function selfAssign(cast: Cast, story: Story, at: Date) {
  return assignDispute({
    actor: cast.rita,
    input: { disputeId: story.disputeId!, assigneeId: cast.rita.userId },
    now: at,
  });
}

// ---------------------------------------------------------------------------------------------
// The stories, oldest first

/**
 * Umbrella disputes a lead whose meeting fell through; the reviewer accepts it. When Umbrella's
 * month is below its minimum commitment (or above its cap), removing the lead changes nothing
 * and the credit is 0.00, which the decision explains. Chosen only if the figures say so.
 */
async function zeroCreditUnderMinimum(cast: Cast): Promise<Step[]> {
  const story: Story = { name: "Umbrella, accepted at 0.00" };
  const openedAt = businessDaysAgo(cast.now, 11, 14, 5);
  const { actor, customerId } = cast.finance.umbrella;
  // Prefer the finalized month, whose figures are final; the draft otherwise.
  const invoice = await disputableInvoiceAt(customerId, openedAt);
  const places: ("draft" | { invoiceId: string })[] = [...(invoice ? [{ invoiceId: invoice.id }] : []), "draft"];
  let lead: Outcome | null = null;
  let onDraft = false;
  for (const place of places) {
    const outcomes = await billableOutcomes(cast, customerId, "lead_qualified", openedAt, place);
    if (outcomes.length === 0) continue;
    const candidate = choose(cast, outcomes, 1)[0]!;
    const preview = await previewDispute({
      actor,
      customerId,
      scope: { kind: "outcomes", attemptIds: [candidate.id] },
      now: openedAt,
    });
    if (preview.eligibleCount === 1 && preview.atStakeMinor === 0n) {
      lead = candidate;
      onDraft = place === "draft";
      break;
    }
  }
  if (!lead) {
    cast.log("Demo disputes: Umbrella's figures credit a lead in full this time, so no 0.00 dispute is seeded.");
    return [];
  }
  const company = String(lead.attributes.company ?? "the company");
  let explanation = "";
  const decidedAt = businessDaysAgo(cast.now, 9, 10, 40);
  return [
    {
      at: openedAt,
      story,
      run: async (at) => {
        await open(cast, story, "umbrella", at, {
          reason: "not_resolved",
          message: `${company} (${lead.subject}) never had a meeting with us. The invite your AI sent was declined the same afternoon, and our account executive could not reach them afterwards. A lead without a meeting is not a qualified lead.`,
          supportingText: `From our CRM: the meeting with ${company} shows "Declined by attendee" a few hours after it was booked; no reschedule followed.`,
          scope: { kind: "outcomes", attemptIds: [lead.id] },
        });
      },
    },
    { at: new Date(decidedAt.getTime() - 25 * MINUTE), story, run: (at) => selfAssign(cast, story, at) },
    {
      at: decidedAt,
      story,
      run: async (at) => {
        ({ explanation } = await decide(cast, story, at, [lead], {
          kind: "accept",
          rootCause: "detection_error",
          rationale: `Confirmed: the invite to ${company} was accepted by an assistant and then declined by the contact two hours later. Our meeting check only read the first response, so the lead counted as booked. Accepted in full; the check now reads the final response.`,
        }));
      },
    },
    {
      at: new Date(decidedAt.getTime() + 6 * MINUTE),
      story,
      run: (at) =>
        reply(
          cast.rita,
          story,
          at,
          zeroCreditNote(
            explanation.includes("monthly cap") ? "cap" : "minimum",
            onDraft,
            periodLabel(periodStartOf(lead.occurredAt)),
          ),
        ),
    },
  ];
}

/** Rita's words for a 0.00 credit, true to where it stands: a draft is priced again when it is finalized. */
function zeroCreditNote(limit: "cap" | "minimum", onDraft: boolean, month: string): string {
  const why =
    limit === "cap"
      ? `${month}${onDraft ? " so far" : ""} is above your monthly cap with or without this lead, and usage above the cap is never charged`
      : `${month}${onDraft ? " so far" : ""} is below your minimum commitment with or without this lead, and the minimum true-up makes up the difference`;
  return onDraft
    ? `Hi Alice, accepted in full. It shows as 0.00 for now because ${why}, so the bill does not move. The credit is priced again when ${month} is finalized: if the month ends ${limit === "cap" ? "below the cap" : "above the minimum"}, it becomes the lead's full price.`
    : `Hi Alice, accepted in full. The credit is 0.00 because ${why}, so the bill does not change. The decision spells out the figures.`;
}

/** Umbrella claims three leads are too small; the reviewer shows the enrichment data; Umbrella withdraws. */
async function withdrawnAfterAnswer(cast: Cast): Promise<Step[]> {
  const story: Story = { name: "Umbrella, withdrawn" };
  const openedAt = businessDaysAgo(cast.now, 8, 10, 20);
  const { customerId } = cast.finance.umbrella;
  const invoice = await disputableInvoiceAt(customerId, openedAt);
  let outcomes = invoice
    ? await billableOutcomes(cast, customerId, "lead_qualified", openedAt, { invoiceId: invoice.id })
    : [];
  if (outcomes.length < 3) outcomes = await billableOutcomes(cast, customerId, "lead_qualified", openedAt, "draft");
  const leads = choose(cast, outcomes, 3, (o) => Number(o.attributes.companySize) >= 60);
  const named = leads.map((l) => `${String(l.attributes.company ?? l.subject)} (${l.subject})`);
  const sizes = leads.map(
    (l) => `${String(l.attributes.company ?? l.subject)}: ${String(l.attributes.companySize ?? "?")}`,
  );
  return [
    {
      at: openedAt,
      story,
      run: async (at) => {
        await open(cast, story, "umbrella", at, {
          reason: "wrong_definition",
          message: `Our sales team says ${named.join(", ")} have well under 50 employees, so they should not have qualified under your own definition. Please take them off.`,
          scope: { kind: "outcomes", attemptIds: leads.map((l) => l.id) },
        });
      },
    },
    { at: businessDaysAgo(cast.now, 7, 9, 5), story, run: (at) => selfAssign(cast, story, at) },
    {
      at: businessDaysAgo(cast.now, 7, 9, 48),
      story,
      run: (at) =>
        reply(
          cast.rita,
          story,
          at,
          `Hi Alice, I had a look. The enrichment step recorded these headcounts from the companies' registry filings — ${sizes.join("; ")} — and each trail shows the size check passing. Could your CRM hold the local branch's headcount rather than the whole company's? If sales has other figures, send them over and I'll go through them again.`,
        ),
    },
    {
      at: businessDaysAgo(cast.now, 6, 11, 30),
      story,
      run: (at) =>
        reply(
          cast.finance.umbrella.actor,
          story,
          at,
          "You're right: our CRM had the branch headcount, not the parent company's. Withdrawing this one — thanks for the quick look.",
        ),
    },
    {
      at: businessDaysAgo(cast.now, 6, 11, 33),
      story,
      run: async (at) => {
        await withdrawDispute({
          actor: cast.finance.umbrella.actor,
          customerId,
          input: { disputeId: story.disputeId!, note: "Our CRM had branch headcounts; the leads do qualify." },
          now: at,
        });
      },
    },
  ];
}

/**
 * Initech finds the same conversations billed twice on its last finalized invoice: two are
 * accepted (a credit note), one turns out to be a different question and is rejected.
 * Inside the invoice's dispute window; if today is past it, the story happens earlier, inside.
 */
async function resolvedOnFinalizedInvoice(cast: Cast): Promise<Step[]> {
  const story: Story = { name: "Initech, resolved on a finalized invoice" };
  const { customerId } = cast.finance.initech;
  // The newest invoice finalized long enough ago for a dispute to be opened and decided since.
  const invoice = (await finalizedInvoices(customerId)).find(
    (i) => i.finalizedAt.getTime() < cast.now.getTime() - 5 * DAY,
  );
  if (!invoice) {
    cast.log("Demo disputes: Initech has no finalized invoice yet, so no credit-note dispute is seeded.");
    return [];
  }
  // About twelve days ago, or earlier when the window has closed since: always inside it.
  const openedAt = new Date(
    Math.max(
      invoice.finalizedAt.getTime() + DAY,
      Math.min(cast.now.getTime() - 12 * DAY, invoice.windowClosesAt.getTime() - 5 * DAY),
    ),
  );
  openedAt.setUTCHours(16, 40, 0, 0);
  const decidedAt = new Date(
    Math.min(
      openedAt.getTime() + 2 * DAY + 20 * HOUR,
      invoice.windowClosesAt.getTime() - DAY,
      cast.now.getTime() - HOUR,
    ),
  );
  const outcomes = await billableOutcomes(cast, customerId, "ticket_resolved", openedAt, { invoiceId: invoice.id });
  // Pairs of tickets on the same topic a few hours apart: the later one is the duplicate.
  const pairs: [Outcome, Outcome][] = [];
  const byTime = [...outcomes].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  for (let i = 0; i < byTime.length; i++) {
    const a = byTime[i]!;
    const b = byTime
      .slice(i + 1, i + 12)
      .find(
        (o) => o.attributes.topic === a.attributes.topic && o.occurredAt.getTime() - a.occurredAt.getTime() < 6 * HOUR,
      );
    if (b && !pairs.some(([x, y]) => [x.id, y.id].some((id) => id === a.id || id === b.id))) pairs.push([a, b]);
  }
  if (pairs.length < 3) throw new Error(`only ${pairs.length} pairs of look-alike tickets on ${invoice.number}.`);
  // Spread over the month, as a finance team finds them while reconciling.
  const picked = [0.2, 0.55, 0.85].map((f) => pairs[Math.floor(f * pairs.length)]!);
  for (const [a, b] of picked) cast.used.add(a.id).add(b.id);
  const duplicates = picked.map(([, b]) => b);
  const lines = picked.map(([a, b]) => `- ${b.subject} repeats ${a.subject} (${day(a.occurredAt)})`);
  const month = periodLabel(invoice.periodStart);
  return [
    {
      at: openedAt,
      story,
      run: async (at) => {
        await open(cast, story, "initech", at, {
          reason: "duplicate",
          message: `Three tickets on ${invoice.number} are the same conversation billed twice: the employee e-mailed the help desk, then asked again in chat before anyone answered, and the AI resolved both copies.\n${lines.join("\n")}\nWe should pay for each problem once.`,
          scope: { kind: "outcomes", attemptIds: duplicates.map((o) => o.id) },
        });
      },
    },
    { at: new Date(openedAt.getTime() + 17 * HOUR), story, run: (at) => selfAssign(cast, story, at) },
    {
      at: decidedAt,
      story,
      run: async (at) => {
        await decide(cast, story, at, duplicates.slice(0, 2), {
          kind: "accept",
          rootCause: "duplicate",
          rationale:
            "Same requester, same question, a few hours apart, and the second conversation only repeats the first answer. Our channel merge did not link the e-mail to the chat, so both were counted. Accepted in full; a credit note goes against the invoice.",
        });
      },
    },
    {
      at: new Date(decidedAt.getTime() + 12 * MINUTE),
      story,
      run: async (at) => {
        await decide(cast, story, at, duplicates.slice(2), {
          kind: "reject",
          rootCause: "no_fault_found",
          rationale: `${duplicates[2]!.subject} is a follow-up, not a copy: the employee came back with a second question after ${picked[2]![0].subject} was answered, and the AI resolved that one too. Both stay billed.`,
        });
      },
    },
    {
      at: new Date(decidedAt.getTime() + 15 * MINUTE),
      story,
      run: (at) =>
        reply(
          cast.rita,
          story,
          at,
          `Hi Bill, two of the three were true duplicates and are credited on a credit note against ${invoice.number} (${month}). The third was a separate question from the same person; the rejection says why.`,
        ),
    },
  ];
}

/**
 * Globex disputes every resolved conversation of a few days when its carrier's tracking was
 * wrong: 50 to 300 outcomes through the explorer's filter, opened about five business days ago
 * and not picked up since, so it is past the service level.
 */
async function breachedCarrierOutage(cast: Cast): Promise<Step[]> {
  const story: Story = { name: "Globex, past its service level" };
  const openedAt = businessDaysAgo(cast.now, 5, 15, 12);
  const { actor, customerId } = cast.finance.globex;
  const to = new Date(Date.UTC(openedAt.getUTCFullYear(), openedAt.getUTCMonth(), openedAt.getUTCDate() - 4));
  let from = to;
  let preview: Awaited<ReturnType<typeof previewDispute>> | null = null;
  const filter = () => ({ definition: "ticket_resolved", from: isoDay(from), to: isoDay(to) });
  // Widen the days backwards until the filter holds enough eligible outcomes.
  for (let days = 3; days <= 10; days++) {
    from = new Date(to.getTime() - days * DAY);
    preview = await previewDispute({ actor, customerId, scope: { kind: "filter", query: filter() }, now: openedAt });
    if (preview.eligibleCount >= 60) break;
  }
  if (!preview || preview.eligibleCount < 20) {
    throw new Error(`only ${preview?.eligibleCount ?? 0} outcomes in ${isoDay(from)} to ${isoDay(to)}.`);
  }
  // Those outcomes are this dispute's: no later story may pick one of them.
  const matching = await db().attempt.findMany({
    where: {
      customerId,
      definition: { key: "ticket_resolved" },
      status: "billable",
      occurredAt: { gte: from, lt: to },
    },
    select: { id: true },
  });
  for (const m of matching) cast.used.add(m.id);
  const lastDay = new Date(to.getTime() - DAY);
  return [
    {
      at: openedAt,
      story,
      run: async (at) => {
        await open(cast, story, "globex", at, {
          reason: "not_resolved",
          message: `From ${weekday(from)} to ${weekday(lastDay)} our carrier's Memphis hub was down and its tracking kept showing "out for delivery" for parcels that had not left the depot. The AI answered order questions with that tracking, customers thanked it and the chats closed, but most of those parcels arrived a week late and many customers phoned us afterwards. We are disputing every resolved conversation of those days until we have matched them against our call logs.`,
          supportingText:
            "Carrier incident SF-INC-20417: Memphis hub sorting outage, tracking events delayed up to 6 days. Our call centre logged 412 'where is my order' calls in the week after, against about 90 in a normal week.",
          supportingLinks: ["https://status.shipfast.example/incidents/SF-INC-20417"],
          scope: { kind: "filter", query: filter() },
          onlyEligible: true,
        });
      },
    },
    {
      at: businessDaysAgo(cast.now, 2, 19, 40),
      story,
      run: (at) =>
        reply(
          cast.finance.globex.actor,
          story,
          at,
          "Any update on this one? We close the month on the last business day and would like it settled before then. Happy to send the call-log export if that helps.",
        ),
    },
  ];
}

/**
 * Initech says its own finance team made the billing changes the AI took credit for; the
 * reviewer has decided three of the eight (two accepted, one rejected) and the customer chases
 * the rest.
 */
async function partlyDecided(cast: Cast): Promise<Step[]> {
  const story: Story = { name: "Initech, partly decided" };
  const openedAt = businessDaysAgo(cast.now, 4, 16, 5);
  const { customerId } = cast.finance.initech;
  const outcomes = choose(
    cast,
    await billableOutcomes(cast, customerId, "ticket_resolved", openedAt, "draft"),
    8,
    topicIn("add_seats", "unused_seats", "double_charge", "downgrade", "owner_change"),
  );
  const accepted = outcomes.slice(0, 2);
  const rejected = outcomes.slice(2, 3);
  const decidedAt = businessDaysAgo(cast.now, 2, 15, 10);
  return [
    {
      at: openedAt,
      story,
      run: async (at) => {
        await open(cast, story, "initech", at, {
          reason: "human_did_the_work",
          message: `These ${outcomes.length} tickets were billing changes: seats, refunds, a plan change. The AI told our people it was handled, but Michael Bolton in our finance team made every one of those changes himself in the billing console. So if you could go ahead and take them off the invoice, that would be great.`,
          supportingText: `Tickets: ${outcomes.map((o) => o.subject).join(", ")}. Michael's console activity for those days is available on request.`,
          scope: { kind: "outcomes", attemptIds: outcomes.map((o) => o.id) },
        });
      },
    },
    { at: businessDaysAgo(cast.now, 3, 13, 30), story, run: (at) => selfAssign(cast, story, at) },
    {
      at: businessDaysAgo(cast.now, 3, 13, 36),
      story,
      run: (at) =>
        reply(
          cast.rita,
          story,
          at,
          "Hi Bill, picking this up. I'm checking each ticket against the billing console's audit log to see who made the change and when; I'll decide them as I go rather than wait for all eight.",
        ),
    },
    {
      at: decidedAt,
      story,
      run: async (at) => {
        await decide(cast, story, at, accepted, {
          kind: "accept",
          rootCause: "attribution",
          rationale: `The console's audit log shows an Initech admin made these changes by hand before the AI replied (${accepted.map((o) => o.subject).join(", ")}); the AI only confirmed what was already done. Accepted in full.`,
        });
      },
    },
    {
      at: new Date(decidedAt.getTime() + 14 * MINUTE),
      story,
      run: async (at) => {
        await decide(cast, story, at, rejected, {
          kind: "reject",
          rootCause: "no_fault_found",
          rationale: `For ${rejected[0]!.subject} the change went through our billing API from the AI's own session, minutes after the request, and nobody touched it in the console. It stays billed.`,
        });
      },
    },
    {
      at: businessDaysAgo(cast.now, 1, 17, 20),
      story,
      run: (at) =>
        reply(
          cast.finance.initech.actor,
          story,
          at,
          `Thanks Rita. Fair on ${rejected[0]!.subject}. Any chance you can get to the other five before our month-end close?`,
        ),
    },
  ];
}

/**
 * Globex disputes three conversations on the draft; the reviewer accepts one (a definition gap:
 * the reopen check looks only 72 hours ahead), credits half of one (a person did the fix) and
 * rejects one. The draft then shows its "Dispute credits" line.
 */
async function resolvedOnDraft(cast: Cast): Promise<Step[]> {
  const story: Story = { name: "Globex, resolved on the draft" };
  const openedAt = businessDaysAgo(cast.now, 3, 17, 45);
  const pool = await billableOutcomes(cast, cast.finance.globex.customerId, "ticket_resolved", openedAt, "draft");
  const [reopened] = choose(cast, pool, 1, topicIn("damaged_item", "wrong_item", "exchange"));
  const rest = pool.filter((o) => o.id !== reopened!.id);
  const [refund] = choose(cast, rest, 1, topicIn("refund_status", "not_delivered"));
  const [promo] = choose(
    cast,
    rest.filter((o) => o.id !== refund!.id),
    1,
    (o) => topicIn("promo_code", "gift_card", "payment_declined")(o) && Number(o.attributes.csat) === 5,
  );
  const all = [reopened!, refund!, promo!];
  const month = periodLabel(periodStartOf(reopened!.occurredAt));
  const decidedAt = businessDaysAgo(cast.now, 2, 14, 0);
  return [
    {
      at: openedAt,
      story,
      run: async (at) => {
        await open(cast, story, "globex", at, {
          reason: "not_resolved",
          message: [
            "Three conversations we don't think should be billed in full:",
            `- ${reopened!.subject} (${day(reopened!.occurredAt)}): the customer wrote back four days later about the same order — the replacement never shipped, and our team sorted it out by phone.`,
            `- ${refund!.subject} (${day(refund!.occurredAt)}): the AI answered, but our payments team had to push the refund through by hand.`,
            `- ${promo!.subject} (${day(promo!.occurredAt)}): the customer tells us the discount was never applied.`,
          ].join("\n"),
          scope: { kind: "outcomes", attemptIds: all.map((o) => o.id) },
        });
      },
    },
    { at: businessDaysAgo(cast.now, 2, 13, 20), story, run: (at) => selfAssign(cast, story, at) },
    {
      at: decidedAt,
      story,
      run: async (at) => {
        await decide(cast, story, at, [reopened!], {
          kind: "accept",
          rootCause: "definition_gap",
          criterion: "reopened",
          rationale:
            "Agreed. The customer came back on day four about the same replacement, and our reopen check only looks 72 hours ahead, so it never saw it. Full credit; we are proposing a 7-day reopen window for Ticket resolved.",
        });
      },
    },
    {
      at: new Date(decidedAt.getTime() + 9 * MINUTE),
      story,
      run: async (at) => {
        await decide(cast, story, at, [refund!], {
          kind: "partial",
          percent: "50",
          rootCause: "attribution",
          rationale:
            "The AI handled the conversation and raised the refund, but your payments team released it by hand in the payment console. The customer-facing work was the AI's, the fix was a person's: we credit half.",
        });
      },
    },
    {
      at: new Date(decidedAt.getTime() + 17 * MINUTE),
      story,
      run: async (at) => {
        await decide(cast, story, at, [promo!], {
          kind: "reject",
          rootCause: "no_fault_found",
          rationale:
            "The discount was applied: the trail shows the corrected order total, the customer confirmed it was sorted and rated the conversation 5 of 5 the same day. No credit for this one.",
        });
      },
    },
    {
      at: new Date(decidedAt.getTime() + 21 * MINUTE),
      story,
      run: (at) =>
        reply(
          cast.rita,
          story,
          at,
          `Hi Grace, all three are decided; each decision has the reasoning. The credit comes off your ${month} draft as a "Dispute credits" line and becomes final when that invoice is finalized.`,
        ),
    },
  ];
}

/** Globex contests two parcels that never arrived; Ada assigns it to Rita; a short thread follows. */
async function assignedWithThread(cast: Cast): Promise<Step[]> {
  const story: Story = { name: "Globex, assigned with a thread" };
  const openedAt = businessDaysAgo(cast.now, 1, 14, 15);
  const outcomes = choose(
    cast,
    await billableOutcomes(cast, cast.finance.globex.customerId, "ticket_resolved", openedAt, "draft"),
    2,
    topicIn("order_delay", "tracking_stuck", "not_delivered"),
  );
  const [a, b] = outcomes as [Outcome, Outcome];
  const dayAfter = (o: Outcome) => day(new Date(o.occurredAt.getTime() + DAY));
  return [
    {
      at: openedAt,
      story,
      run: async (at) => {
        await open(cast, story, "globex", at, {
          reason: "not_resolved",
          message: `${a.subject} and ${b.subject} were closed by the AI after a tracking update, but neither parcel arrived: both customers called our store the next day and we re-shipped at our own cost. Those problems were not resolved.`,
          scope: { kind: "outcomes", attemptIds: [a.id, b.id] },
        });
      },
    },
    {
      at: businessDaysAgo(cast.now, 1, 15, 2),
      story,
      run: async (at) => {
        await assignDispute({
          actor: cast.ada,
          input: { disputeId: story.disputeId!, assigneeId: cast.rita.userId },
          now: at,
        });
      },
    },
    {
      at: businessDaysAgo(cast.now, 1, 16, 40),
      story,
      run: (at) =>
        reply(
          cast.rita,
          story,
          at,
          `Thanks, Grace. In both trails the customer thanked the AI and confirmed the fix before the ticket closed, so the definition counted them as resolved. Could you send the call references from your phone system? If the calls are about the same orders, I'll treat them as reopened outside the trail and credit them.`,
        ),
    },
    {
      at: businessDaysAgo(cast.now, 1, 19, 55),
      story,
      run: (at) =>
        reply(
          cast.finance.globex.actor,
          story,
          at,
          `Sure: calls CS-${a.subject.slice(-4)}-1 and CS-${b.subject.slice(-4)}-2, logged on ${dayAfter(a)} and ${dayAfter(b)}, both with the note "package not received, reshipped". The carrier has since confirmed both parcels were lost at the depot.`,
        ),
    },
  ];
}

/** Initech, a couple of hours ago: one ticket the employee had to reopen on Initech's side. */
async function freshReopened(cast: Cast): Promise<Step[]> {
  const story: Story = { name: "Initech, fresh" };
  const openedAt = new Date(Math.floor((cast.now.getTime() - 2 * HOUR - 35 * MINUTE) / MINUTE) * MINUTE);
  const [ticket] = choose(
    cast,
    await billableOutcomes(cast, cast.finance.initech.customerId, "ticket_resolved", openedAt, "draft"),
    1,
    topicIn("password_reset", "mfa_locked", "sso_error"),
  );
  return [
    {
      at: openedAt,
      story,
      run: async (at) => {
        await open(cast, story, "initech", at, {
          reason: "reopened",
          message: `${ticket!.subject} was closed by the AI on ${day(ticket!.occurredAt)}, but the employee was locked out again the next morning and our IT desk had to fix the account by hand (internal ticket IT-${ticket!.subject.slice(-4)}). It was reopened on our side, so it should not count as resolved.`,
          scope: { kind: "outcomes", attemptIds: [ticket!.id] },
        });
      },
    },
  ];
}
