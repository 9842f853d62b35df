// The benchmark's workload: realistic support-ticket events (about 2 per subject: the
// resolution, then a CSAT follow-up, sometimes a reopening), ordered as a stream in which a
// subject's follow-ups arrive several batches after its first event, cut into requests, plus
// the resends. Bodies are serialized before the load phase so the client costs little CPU.
import type { RetryMode } from "./options";

export type ExpectedStatus = "accepted" | "duplicate";

export interface PlannedRequest {
  /** Position in the send order. */
  index: number;
  kind: "first" | "retry";
  body: string;
  ids: string[];
  expected: ExpectedStatus[];
  /** Requests that must have completed before this one is sent (the originals of its resends). */
  dependsOn: number[];
  fresh: number;
  resent: number;
}

export interface Workload {
  runTag: string;
  distinctEvents: number;
  subjects: number;
  /** Events per subject, for the per-attempt check. */
  eventsBySubject: Map<string, number>;
  /** Sum of every event's cost, in ten-thousandths of a dollar. */
  costTenThousandths: number;
  resentEvents: number;
  requests: PlannedRequest[];
  averageEventBytes: number;
  averageBodyBytes: number;
}

interface GeneratedEvent {
  id: string;
  subjectIndex: number;
  /** 0 = first event of its subject, 1 = first follow-up, 2 = second follow-up. */
  step: number;
  json: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A small, fast, seedable PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(rnd: () => number, items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;

const REQUESTS = [
  "I was charged twice for my subscription this month and would like a refund for the duplicate payment.",
  "The export to CSV stops at 10,000 rows; I need the full list of last quarter's orders.",
  "I cannot sign in since the password reset; the link says it has expired although I used it at once.",
  "Our team's invoices show the old company address. Can you update it to the new one on file?",
  "The mobile app crashes when I open the settings page after the latest update.",
  "Please change the delivery date of order 48213 to next Tuesday; nobody is at the office on Monday.",
];
const REPLIES = [
  "I refunded the duplicate charge; it shows on your statement within 3–5 business days. Nothing else is needed from you.",
  "I ran the export for you in parts and attached the complete file; the 10,000-row limit is lifted for your account.",
  "I issued a new reset link valid for 24 hours and confirmed your account is unlocked. You can sign in now.",
  "The billing address is updated, and the last two invoices were re-issued with the new address attached.",
  "A fix is in version 5.2.1, released today. After updating, the settings page opens normally on your device.",
  "The delivery of order 48213 is moved to Tuesday between 9:00 and 12:00; the carrier confirmed the change.",
];
const CHANNELS = ["chat", "email", "voice", "whatsapp"] as const;
const REOPEN_REASONS = ["refund not received", "same crash again", "wrong address still shown", "link expired again"];

function isoAt(ms: number): string {
  return new Date(ms).toISOString();
}

function costOf(rnd: () => number, min: number, max: number): { tenThousandths: number; amount: string } {
  const tenThousandths = min + Math.floor(rnd() * (max - min + 1));
  return { tenThousandths, amount: (tenThousandths / 10_000).toFixed(4) };
}

export function buildWorkload({
  events,
  batch,
  concurrency,
  retryShare,
  retryMode,
  seed,
  customer,
  definition,
  now = Date.now(),
}: {
  events: number;
  batch: number;
  concurrency: number;
  retryShare: number;
  retryMode: RetryMode;
  seed: number;
  customer: string;
  definition: string;
  now?: number;
}): Workload {
  const rnd = random(seed);
  const runTag = seed.toString(36);
  const generated: GeneratedEvent[] = [];
  const eventsBySubject = new Map<string, number>();
  let costTenThousandths = 0;
  let bytes = 0;

  const push = (subjectIndex: number, step: number, id: string, event: Record<string, unknown>) => {
    const json = JSON.stringify({ id, customer, definition, ...event });
    bytes += Buffer.byteLength(json);
    generated.push({ id, subjectIndex, step, json });
  };

  for (let subjectIndex = 0; generated.length < events; subjectIndex++) {
    const subject = `ticket-${runTag}-${String(subjectIndex).padStart(7, "0")}`;
    const roll = rnd();
    const count = Math.min(roll < 0.15 ? 1 : roll < 0.85 ? 2 : 3, events - generated.length);
    eventsBySubject.set(subject, count);
    // The resolution within the last 24 hours; follow-ups minutes to an hour later, never in the future.
    const resolvedAt = now - 2 * HOUR - Math.floor(rnd() * 21 * HOUR);
    const variant = Math.floor(rnd() * REQUESTS.length);
    const cost = costOf(rnd, 40, 400);
    costTenThousandths += cost.tenThousandths;
    push(subjectIndex, 0, `${subject}:resolved`, {
      subject,
      occurredAt: isoAt(resolvedAt),
      attributes: {
        closedBy: rnd() < 0.9 ? "ai" : "human",
        channel: pick(rnd, CHANNELS),
        reopened: false,
        handleSeconds: 30 + Math.floor(rnd() * 900),
      },
      evidence: [
        {
          at: isoAt(resolvedAt - 12 * MINUTE),
          kind: "message",
          actor: "customer",
          title: "Request",
          body: REQUESTS[variant],
        },
        { at: isoAt(resolvedAt), kind: "message", actor: "ai", title: "Resolution sent", body: REPLIES[variant] },
      ],
      cost: { amount: cost.amount, currency: "USD" },
      aiShare: Math.round((0.5 + rnd() * 0.5) * 100) / 100,
    });
    if (count >= 2) {
      const ratedAt = Math.min(resolvedAt + 5 * MINUTE + Math.floor(rnd() * 55 * MINUTE), now - MINUTE);
      const csat = rnd() < 0.8 ? 4 + Math.floor(rnd() * 2) : 1 + Math.floor(rnd() * 3);
      push(subjectIndex, 1, `${subject}:csat`, {
        subject,
        occurredAt: isoAt(ratedAt),
        attributes: { csat, surveyChannel: "email", responded: true },
        evidence: [
          {
            at: isoAt(ratedAt),
            kind: "metric",
            actor: "customer",
            title: `CSAT ${csat}/5`,
            body:
              csat >= 4
                ? "Quick and correct answer, thank you. The problem is solved and I did not have to call anyone."
                : "The answer did not fully solve my problem; I had to wait and ask again before anything happened.",
          },
        ],
      });
    }
    if (count >= 3) {
      const reopenedAt = Math.min(resolvedAt + 65 * MINUTE + Math.floor(rnd() * 60 * MINUTE), now - MINUTE);
      const extra = costOf(rnd, 10, 120);
      costTenThousandths += extra.tenThousandths;
      push(subjectIndex, 2, `${subject}:reopened`, {
        subject,
        occurredAt: isoAt(reopenedAt),
        attributes: { reopened: true, reopenReason: pick(rnd, REOPEN_REASONS) },
        evidence: [
          {
            at: isoAt(reopenedAt),
            kind: "status",
            actor: "customer",
            title: "Ticket reopened by the customer",
            body: "The customer replied to the closed ticket and the helpdesk reopened it for another look by the team.",
          },
        ],
        cost: { amount: extra.amount, currency: "USD" },
      });
    }
  }

  // Follow-ups arrive about 8 requests after their subject's first event (roughly 2 events per
  // subject position in the stream), as a CSAT survey answered later would.
  const lagSubjects = 4 * batch;
  const stream = generated
    .map((e, order) => ({ e, key: e.subjectIndex + e.step * lagSubjects, order }))
    .sort((a, b) => a.key - b.key || a.order - b.order)
    .map(({ e }) => e);

  const requests =
    retryMode === "batch"
      ? planWholeBatchRetries(stream, batch, concurrency, retryShare)
      : planMixedRetries(stream, batch, concurrency, retryShare, rnd);
  const resentEvents = requests.reduce((n, r) => n + r.resent, 0);
  return {
    runTag,
    distinctEvents: generated.length,
    subjects: eventsBySubject.size,
    eventsBySubject,
    costTenThousandths,
    resentEvents,
    requests,
    averageEventBytes: bytes / generated.length,
    averageBodyBytes: requests.reduce((n, r) => n + Buffer.byteLength(r.body), 0) / requests.length,
  };
}

function request(
  index: number,
  kind: PlannedRequest["kind"],
  fresh: GeneratedEvent[],
  resent: GeneratedEvent[],
  dependsOn: number[],
): PlannedRequest {
  const all = [...fresh, ...resent];
  return {
    index,
    kind,
    body: `{"events":[${all.map((e) => e.json).join(",")}]}`,
    ids: all.map((e) => e.id),
    expected: [...fresh.map((): ExpectedStatus => "accepted"), ...resent.map((): ExpectedStatus => "duplicate")],
    dependsOn,
    fresh: fresh.length,
    resent: resent.length,
  };
}

/**
 * Whole requests resent, as a client does after a timeout: evenly spread over the run, each
 * one queued `2 × concurrency` requests after its original and sent only once that completed,
 * so every resend must come back `duplicate`.
 */
function planWholeBatchRetries(
  stream: GeneratedEvent[],
  batch: number,
  concurrency: number,
  share: number,
): PlannedRequest[] {
  const chunks: GeneratedEvent[][] = [];
  for (let i = 0; i < stream.length; i += batch) chunks.push(stream.slice(i, i + batch));
  const retries = Math.round(chunks.length * share);
  const retriedAfter = new Map<number, number[]>();
  for (let j = 0; j < retries; j++) {
    const original = Math.floor(((j + 0.5) * chunks.length) / retries);
    const at = Math.min(original + 2 * concurrency, chunks.length - 1);
    retriedAfter.set(at, [...(retriedAfter.get(at) ?? []), original]);
  }
  const requests: PlannedRequest[] = [];
  const positionOf = new Map<number, number>();
  chunks.forEach((chunk, c) => {
    positionOf.set(c, requests.length);
    requests.push(request(requests.length, "first", chunk, [], []));
    for (const original of retriedAfter.get(c) ?? []) {
      requests.push(request(requests.length, "retry", [], chunks[original]!, [positionOf.get(original)!]));
    }
  });
  return requests;
}

/**
 * Resends mixed into later requests: each request carries about `share` of resent events
 * (drawn at random from requests at least `2 × concurrency` earlier, which must have
 * completed) and fresh ones for the rest; leftover resends go in trailing requests.
 */
function planMixedRetries(
  stream: GeneratedEvent[],
  batch: number,
  concurrency: number,
  share: number,
  rnd: () => number,
): PlannedRequest[] {
  const gap = 2 * concurrency;
  const perRequest = Math.round((batch * share) / (1 + share));
  let remaining = Math.round(stream.length * share);
  const pool: { event: GeneratedEvent; request: number }[] = [];
  let poolHead = 0;
  const requests: PlannedRequest[] = [];
  let next = 0;
  while (next < stream.length || remaining > 0) {
    const k = requests.length;
    const available = () => poolHead < pool.length && pool[poolHead]!.request <= k - gap;
    const freshLeft = stream.length - next;
    const want = Math.min(remaining, freshLeft > 0 ? perRequest : batch);
    const resent: GeneratedEvent[] = [];
    const dependsOn = new Set<number>();
    while (resent.length < want && available()) {
      const { event, request: source } = pool[poolHead++]!;
      resent.push(event);
      dependsOn.add(source);
    }
    if (freshLeft === 0 && resent.length === 0) {
      // Nothing left to resend that is old enough: resend from the oldest remaining at once.
      if (poolHead >= pool.length) break;
      const { event, request: source } = pool[poolHead++]!;
      resent.push(event);
      dependsOn.add(source);
    }
    remaining -= resent.length;
    const fresh = stream.slice(next, next + Math.min(batch - resent.length, freshLeft));
    next += fresh.length;
    // This request's fresh events become resendable, in random order.
    const shuffled = [...fresh];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    for (const event of shuffled) pool.push({ event, request: k });
    requests.push(request(k, fresh.length > 0 ? "first" : "retry", fresh, resent, [...dependsOn]));
  }
  return requests;
}
