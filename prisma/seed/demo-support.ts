// Support conversations (ticket_resolved) for Globex and Initech. Each ticket follows one
// scenario: most are clean AI resolutions, the rest fail for the reasons real disputes are
// about. Two scenarios bill under v1 but not under v2, which is why v2 exists: a human did the
// work behind the scenes ("backOffice"), or the customer never confirmed the fix ("unconfirmed").
import { AttemptTimeline, type DemoAttempt, type EvidenceDraft } from "./demo-events";
import { DAY, fill, HOUR, MINUTE, type Rng } from "./demo-random";
import {
  AGENTS,
  ASK_FOR_HUMAN,
  CITIES,
  FIRST_NAMES,
  HIGH_CSAT_COMMENTS,
  HOLDING_REPLIES,
  LOW_CSAT_COMMENTS,
  REOPEN,
  type SupportTopic,
  THANKS,
} from "./demo-support-texts";

export interface SupportStream {
  customer: string;
  topics: readonly SupportTopic[];
  subject: (n: number) => string;
  /** From when ticket_resolved v2 is in force: the provider added the confirmation step then. */
  v2From: Date;
}

/** Percent of tickets per scenario; v1 bills ~80% of them, v2 ~71%. */
const SCENARIOS = {
  resolved: 71,
  unconfirmed: 4,
  backOffice: 5,
  human: 7,
  reopened: 5,
  lowCsat: 5,
  autoClosed: 3,
} as const;
type Scenario = keyof typeof SCENARIOS;

export function supportTickets(rng: Rng, stream: SupportStream, times: readonly Date[], now: Date): DemoAttempt[] {
  return times.flatMap((t0, i) => ticket(rng, stream, i + 1, t0, now) ?? []);
}

function ticket(rng: Rng, stream: SupportStream, n: number, t0: Date, now: Date): DemoAttempt | null {
  const topic = rng.pick(stream.topics);
  const vars = ticketVars(rng, t0);
  const scenario: Scenario = rng.weighted(SCENARIOS);
  // The attempt starts with the AI's first reply, at most 2 minutes in: from then on v2 applies.
  const confirmStep = t0.getTime() + 2 * MINUTE >= stream.v2From.getTime();
  const agent = rng.pick(AGENTS);
  const timeline = new AttemptTimeline(
    { customer: stream.customer, definition: "ticket_resolved", windowHours: 72 },
    n,
    stream.subject(n),
  );
  // A clock that only moves forward through the conversation.
  let clock = t0.getTime();
  const after = (minMinutes: number, maxMinutes: number) => {
    clock += rng.int(minMinutes * MINUTE, maxMinutes * MINUTE);
    return new Date(clock);
  };
  const say = (actor: EvidenceDraft["actor"], title: string, text: string, at: Date): EvidenceDraft => ({
    at,
    kind: "message",
    actor,
    title,
    body: fill(text, { ...vars, agent }),
  });
  const status = (actor: EvidenceDraft["actor"], title: string, at: Date): EvidenceDraft => ({
    at,
    kind: "status",
    actor,
    title,
  });
  const easy =
    scenario === "resolved" || scenario === "lowCsat" || scenario === "reopened" || scenario === "unconfirmed";

  // 1. The customer writes in; the AI answers (or, on a harder ticket, asks for a moment).
  timeline.event({
    attributes: { channel: rng.weighted({ chat: 6, email: 3, "web form": 1 }), topic: topic.key },
    aiShare: 1,
    cost: rng.cost(0.004, 0.03),
    evidence: [
      say("customer", fill(topic.title, vars), rng.pick(topic.openers), new Date(clock)),
      say("ai", "AI replied", easy ? topic.answer : rng.pick(HOLDING_REPLIES), after(0.3, 2)),
    ],
  });

  // 2. How it ends.
  const closedByAi = (share: number, thanked: boolean) =>
    timeline.event({
      attributes: {
        closedBy: "ai",
        humanReplied: false,
        ...(confirmStep && thanked ? { resolutionConfirmed: true } : {}),
      },
      aiShare: share,
      cost: rng.cost(0.002, 0.015),
      evidence: [
        ...(thanked ? [say("customer", "Customer replied", rng.pick(THANKS), after(3, 240))] : []),
        ...(confirmStep && thanked
          ? [status("customer", "Customer confirmed the issue is resolved", after(0, 1))]
          : []),
        status("ai", "Ticket closed by AI", after(0.1, 2)),
      ],
    });

  if (scenario === "human") {
    timeline.event({
      attributes: { escalated: true },
      cost: rng.cost(0.001, 0.006),
      evidence: [
        say("customer", "Customer replied", rng.pick(ASK_FOR_HUMAN), after(2, 60)),
        status("ai", "Escalated to a human agent", after(0.1, 1)),
      ],
    });
    timeline.event({
      attributes: { closedBy: "human", humanReplied: true },
      aiShare: rng.share(0.2, 0.6),
      evidence: [
        say(
          "human",
          `${agent} replied`,
          `Hi {name}, this is {agent}. I ${topic.backOffice}, so you're all set. Sorry for the wait!`,
          after(20, 300),
        ),
        say("customer", "Customer replied", rng.pick(THANKS), after(5, 180)),
        status("human", `Ticket closed by ${agent}`, after(1, 10)),
      ],
    });
  } else if (scenario === "backOffice") {
    timeline.event({
      evidence: [
        {
          at: after(15, 180),
          kind: "note",
          actor: "human",
          title: `Internal note by ${agent}`,
          body: `${agent} ${topic.backOffice}. Handing back to the AI to reply.`,
        },
      ],
    });
    timeline.event({ cost: rng.cost(0.003, 0.02), evidence: [say("ai", "AI replied", topic.answer, after(1, 10))] });
    closedByAi(rng.share(0.35, 0.7), true);
  } else if (scenario === "autoClosed") {
    timeline.event({
      attributes: { closedBy: "system", humanReplied: false },
      aiShare: rng.share(0.9, 1),
      evidence: [
        status("system", "Ticket closed automatically after 48 hours without a reply", after(48 * 60, 48 * 60 + 5)),
      ],
    });
  } else if (scenario === "unconfirmed") {
    // The AI answered, the customer went quiet, the AI closed the ticket anyway.
    timeline.event({
      attributes: { closedBy: "ai", humanReplied: false },
      aiShare: rng.share(0.92, 1),
      cost: rng.cost(0.001, 0.004),
      evidence: [
        ...(confirmStep ? [status("ai", "Asked the customer to confirm the issue is resolved", after(1, 5))] : []),
        status("ai", "Ticket closed by AI after 24 hours without a reply", after(24 * 60, 24 * 60 + 30)),
      ],
    });
  } else {
    closedByAi(rng.share(0.9, 1), true);
  }

  // 3. What happens afterwards, inside the 72-hour window: a reopen, a CSAT rating.
  if (scenario === "reopened") {
    timeline.event({
      attributes: { reopened: true },
      evidence: [
        say("customer", "Customer replied", rng.pick(REOPEN), after(6 * 60, 40 * 60)),
        status("customer", "Ticket reopened by customer", after(0, 1)),
      ],
    });
    if (rng.chance(0.5)) {
      timeline.event({
        attributes: { closedBy: "human", humanReplied: true },
        aiShare: rng.share(0.3, 0.6),
        evidence: [
          say(
            "human",
            `${agent} replied`,
            `Hi {name}, this is {agent}. I ${topic.backOffice}. Sorry for the trouble.`,
            after(30, 240),
          ),
          status("human", `Ticket closed by ${agent}`, after(5, 60)),
        ],
      });
    } else {
      closedByAi(rng.share(0.85, 1), rng.chance(0.6));
    }
  }
  const rated = scenario === "lowCsat" || (scenario !== "autoClosed" && scenario !== "unconfirmed" && rng.chance(0.45));
  if (rated) {
    const csat = scenario === "lowCsat" ? rng.int(1, 3) : rng.chance(0.8) ? 5 : 4;
    const comment = rng.pick(scenario === "lowCsat" ? LOW_CSAT_COMMENTS : HIGH_CSAT_COMMENTS);
    timeline.event({
      attributes: { csat },
      evidence: [
        {
          at: after(30, 20 * 60),
          kind: "metric",
          actor: "customer",
          title: `CSAT ${csat}/5`,
          ...(comment ? { body: `"${comment}"` } : {}),
        },
      ],
    });
  }
  if (clock - t0.getTime() > 72 * HOUR) throw new Error(`Demo ticket ${n} runs past its 72-hour window.`);
  return timeline.build(now);
}

function ticketVars(rng: Rng, t0: Date) {
  const name = rng.pick(FIRST_NAMES);
  const day = (offset: number) =>
    new Date(t0.getTime() + offset * DAY).toLocaleDateString("en-US", {
      weekday: "long",
      month: "short",
      day: "numeric",
      timeZone: "UTC",
    });
  return {
    name,
    order: `#${rng.int(4_100_000, 4_999_999)}`,
    amount: `$${rng.int(12, 480)}.${String(rng.int(0, 99)).padStart(2, "0")}`,
    date: day(-rng.int(1, 6)),
    due: day(rng.int(1, 4)),
    city: rng.pick(CITIES),
    last4: String(rng.int(1000, 9999)),
    invoice: String(rng.int(20_000, 89_999)),
    seats: rng.int(3, 40),
    email: `${name.toLowerCase()}.${rng.int(10, 99)}@example.com`,
    tracking: `1Z${rng.int(100_000, 999_999)}${rng.int(1000, 9999)}`,
  };
}
