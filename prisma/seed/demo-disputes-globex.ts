// Globex's demo disputes: a carrier outage disputed by filter (many outcomes, past the service
// level), three conversations decided three ways on the draft, and two lost parcels being
// talked through with the reviewer.
import { periodLabel, periodStartOf } from "@/domain/invoicing/periods";
import { db } from "@/server/db";
import { assignDispute } from "@/server/services/disputes/assign-dispute";
import { previewDispute } from "@/server/services/disputes/open-dispute";
import {
  billableOutcomes,
  businessDaysAgo,
  type Cast,
  choose,
  day,
  decisionStep,
  isoDay,
  type Outcome,
  open,
  reply,
  type Step,
  type Story,
  selfAssign,
  topicIn,
  weekday,
} from "./demo-dispute-kit";
import { DAY, MINUTE } from "./demo-random";

/**
 * Globex disputes every resolved conversation of a few days when its carrier's tracking was
 * wrong: 50 to 300 outcomes through the explorer's filter, opened about five business days ago
 * and not picked up since, so it is past the service level.
 */
export async function breachedCarrierOutage(cast: Cast): Promise<Step[]> {
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
 * Globex disputes three conversations on the draft; the reviewer accepts one (a definition gap:
 * the reopen check looks only 72 hours ahead), credits half of one (a person did the fix) and
 * rejects one. The draft then shows its "Dispute credits" line.
 */
export async function resolvedOnDraft(cast: Cast): Promise<Step[]> {
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
    decisionStep(cast, story, decidedAt, [reopened!], {
      kind: "accept",
      rootCause: "definition_gap",
      criterion: "reopened",
      rationale:
        "Agreed. The customer came back on day four about the same replacement, and our reopen check only looks 72 hours ahead, so it never saw it. Full credit; we are proposing a 7-day reopen window for Ticket resolved.",
    }),
    decisionStep(cast, story, new Date(decidedAt.getTime() + 9 * MINUTE), [refund!], {
      kind: "partial",
      percent: "50",
      rootCause: "attribution",
      rationale:
        "The AI handled the conversation and raised the refund, but your payments team released it by hand in the payment console. The customer-facing work was the AI's, the fix was a person's: we credit half.",
    }),
    decisionStep(cast, story, new Date(decidedAt.getTime() + 17 * MINUTE), [promo!], {
      kind: "reject",
      rootCause: "no_fault_found",
      rationale:
        "The discount was applied: the trail shows the corrected order total, the customer confirmed it was sorted and rated the conversation 5 of 5 the same day. No credit for this one.",
    }),
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
export async function assignedWithThread(cast: Cast): Promise<Step[]> {
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
