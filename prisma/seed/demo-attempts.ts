// Three months of attempts for the demo customers, sent through the real ingestion use case
// exactly as the provider's systems would send them, so every outcome, trace and audit entry
// is one the product made itself.
//
// Ingestion rules this respects: an attempt's status is final once its window has closed and
// later events only join its trail, so an attempt whose window is closed must arrive whole,
// in one call (events of one subject merge before evaluation), made when its window's day
// ended, with each event received seconds or minutes after it happened (demo-arrivals.ts).
// Attempts still open get their first event first and the rest in later calls, as live
// traffic would, which exercises merging into a pending attempt.
import type { Actor } from "@/domain/actor";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { MAX_EVENTS_PER_BATCH } from "@/server/services/ingestion/ingest-event-schema";
import { ingestEvents } from "@/server/services/ingestion/ingest-events";
import { byClosingDay, lateMessages, receivedTimes } from "./demo-arrivals";
import { umbrellaDocuments } from "./demo-documents";
import type { DemoAttempt, DemoEvent } from "./demo-events";
import { umbrellaLeads } from "./demo-leads";
import { attemptTimes, DAY, MINUTE, OFFICE_HOURS, Rng, SUPPORT_HOURS } from "./demo-random";
import { supportTickets } from "./demo-support";
import { GLOBEX_TOPICS } from "./demo-texts-globex";
import { INITECH_TOPICS } from "./demo-texts-initech";

const HISTORY_DAYS = 91;
/** An attempt whose window closes within this margin is sent whole: the seed is over by then. */
const OPEN_MARGIN = 10 * MINUTE;

export interface DemoHistory {
  /** UTC midnight, about three months back. */
  from: Date;
  now: Date;
}

export function demoHistory(now: Date): DemoHistory {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return { from: new Date(today - HISTORY_DAYS * DAY), now };
}

/** Every stream of attempts; each has its own PRNG so that one stream's changes leave the others alone. */
function generate({ from, now }: DemoHistory, v2From: Date): DemoAttempt[][] {
  const rng = (name: string) => new Rng(`outcome-ledger-demo/${name}`);
  const times = (r: Rng, perWeekday: number, weekendFactor: number, utcOffsetHours: number, office: boolean) =>
    attemptTimes(r, {
      from,
      now,
      perWeekday,
      weekendFactor,
      monthlyGrowth: 0.08,
      utcOffsetHours,
      hourWeights: office ? OFFICE_HOURS : SUPPORT_HOURS,
    });
  const globex = rng("globex/ticket_resolved");
  const initech = rng("initech/ticket_resolved");
  const leads = rng("umbrella/lead_qualified");
  const documents = rng("umbrella/document_processed");
  return [
    supportTickets(
      globex,
      { customer: "globex", topics: GLOBEX_TOPICS, subject: (n) => `GX-${180_000 + n}`, v2From },
      times(globex, 32, 0.8, -5, false),
      now,
    ),
    supportTickets(
      initech,
      { customer: "initech", topics: INITECH_TOPICS, subject: (n) => `INI-${52_000 + n}`, v2From },
      times(initech, 27, 0.3, -6, false),
      now,
    ),
    umbrellaLeads(leads, times(leads, 13, 0.25, 0, true), now),
    umbrellaDocuments(documents, times(documents, 30, 0.3, 0, true), now),
  ];
}

/** The demo's customer messages received after a status was final (the end-to-end tests open one). */
export function demoLateMessages(history: DemoHistory, v2From: Date): DemoEvent[] {
  return generate(history, v2From).flatMap((attempts) =>
    lateMessages(
      attempts.filter((a) => a.closesAt.getTime() <= history.now.getTime() + OPEN_MARGIN),
      history.now,
    ).map((m) => m.event),
  );
}

export async function seedDemoAttempts({
  actor,
  log,
  history,
  v2From,
}: {
  actor: Actor;
  log: (line: string) => void;
  history: DemoHistory;
  v2From: Date;
}): Promise<void> {
  // `npm start` seeds on every start: when Globex has attempts, the demo history is there.
  const globex = await db().customer.findUnique({ where: { externalId: "globex" }, select: { id: true } });
  if (!globex) return;
  if (await db().attempt.findFirst({ where: { customerId: globex.id }, select: { id: true } })) {
    log("Demo attempts: already in place.");
    return;
  }
  const started = performance.now();
  const streams = generate(history, v2From);
  const stillOpen = (a: DemoAttempt) => a.closesAt.getTime() > history.now.getTime() + OPEN_MARGIN;
  const tally = { calls: 0, accepted: 0, refused: 0, firstProblem: "" };
  const arrivals = new Rng("outcome-ledger-demo/arrivals");
  // `now` is when the call reaches us; each event was received shortly after it happened.
  const send = async (items: DemoEvent[], now: Date, receivedAt = receivedTimes(arrivals, items, now)) => {
    if (items.length === 0) return;
    const { results, summary } = await ingestEvents({ actor, items, now, receivedAt });
    tally.calls++;
    tally.accepted += summary.accepted;
    const refused = results.filter((r) => r.status === "rejected" || r.status === "conflict");
    tally.refused += refused.length;
    tally.firstProblem ||= refused[0] ? JSON.stringify(refused[0]) : "";
  };

  // Pass 1: closed attempts whole, evaluated when their window's day ended (the status is
  // final from then on); open ones by their first event; one customer per call.
  for (const attempts of byCustomer(streams)) {
    for (const [at, group] of byClosingDay(
      attempts.filter((a) => !stillOpen(a)),
      history.now,
    )) {
      for (const batch of packed(group, (a) => a.events)) await send(batch, at);
    }
    for (const batch of packed(attempts.filter(stillOpen), (a) => a.events.slice(0, 1))) await send(batch, clock.now());
  }
  // Passes 2…n: the k-th event of each open attempt, as it would have arrived.
  const open = streams.map((attempts) => attempts.filter(stillOpen));
  const longest = Math.max(0, ...open.flat().map((a) => a.events.length));
  for (let k = 1; k < longest; k++) {
    for (const attempts of open) {
      for (const batch of packed(attempts, (a) => a.events.slice(k, k + 1))) await send(batch, clock.now());
    }
  }
  // Last: the few messages that came in after a status was final.
  let late = 0;
  for (const attempts of streams) {
    const messages = lateMessages(
      attempts.filter((a) => !stillOpen(a)),
      history.now,
    );
    late += messages.length;
    await send(
      messages.map((m) => m.event),
      clock.now(),
      messages.map((m) => m.at),
    );
  }

  const attempts = streams.reduce((sum, s) => sum + s.length, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(
    `Demo attempts: ${tally.accepted.toLocaleString("en-US")} events for ${attempts.toLocaleString("en-US")} ` +
      `attempts ingested in ${tally.calls} calls (${late} received after their status was final), ${seconds} s.`,
  );
  if (tally.refused > 0) log(`Demo attempts: ${tally.refused} events were refused, e.g. ${tally.firstProblem}`);
  await logSummary(log);
}

/** The streams of one customer together (Umbrella has two), so each call is one customer's. */
function byCustomer(streams: readonly DemoAttempt[][]): DemoAttempt[][] {
  const customers = new Map<string, DemoAttempt[]>();
  for (const attempt of streams.flat()) {
    const attempts = customers.get(attempt.customer);
    if (attempts) attempts.push(attempt);
    else customers.set(attempt.customer, [attempt]);
  }
  return [...customers.values()];
}

/** Batches of at most MAX_EVENTS_PER_BATCH events that never split one attempt's events. */
function packed(attempts: readonly DemoAttempt[], eventsOf: (a: DemoAttempt) => DemoEvent[]): DemoEvent[][] {
  const batches: DemoEvent[][] = [];
  let batch: DemoEvent[] = [];
  for (const attempt of attempts) {
    const events = eventsOf(attempt);
    if (batch.length > 0 && batch.length + events.length > MAX_EVENTS_PER_BATCH) {
      batches.push(batch);
      batch = [];
    }
    batch.push(...events);
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** One line per demo customer, counted by the database (not in Node). */
async function logSummary(log: (line: string) => void): Promise<void> {
  const customers = await db().customer.findMany({
    where: { externalId: { in: ["globex", "initech", "umbrella"] } },
    select: { id: true, externalId: true },
    orderBy: { externalId: "asc" },
  });
  const counts = await db().attempt.groupBy({
    by: ["customerId", "status"],
    where: { customerId: { in: customers.map((c) => c.id) } },
    _count: { _all: true },
  });
  const n = (customerId: string, status?: string) =>
    counts
      .filter((c) => c.customerId === customerId && (!status || c.status === status))
      .reduce((sum, c) => sum + c._count._all, 0)
      .toLocaleString("en-US");
  for (const c of customers) {
    log(
      `Demo attempts for ${c.externalId}: ${n(c.id)} (${n(c.id, "billable")} billable, ` +
        `${n(c.id, "not_billable")} not billable, ${n(c.id, "pending")} pending).`,
    );
  }
}
