// Initech's demo disputes: duplicates on its last finalized invoice (a credit note), billing
// changes its own finance team made (partly decided), and a fresh one about a reopened ticket.
import { periodLabel } from "@/domain/invoicing/periods";
import {
  billableOutcomes,
  businessDaysAgo,
  type Cast,
  choose,
  day,
  decisionStep,
  finalizedInvoices,
  type Outcome,
  open,
  reply,
  type Step,
  type Story,
  selfAssign,
  topicIn,
} from "./demo-dispute-kit";
import { DAY, HOUR, MINUTE } from "./demo-random";

/**
 * Initech finds the same conversations billed twice on its last finalized invoice: two are
 * accepted (a credit note), one turns out to be a different question and is rejected.
 * Inside the invoice's dispute window; if today is past it, the story happens earlier, inside.
 */
export async function resolvedOnFinalizedInvoice(cast: Cast): Promise<Step[]> {
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
    decisionStep(cast, story, decidedAt, duplicates.slice(0, 2), {
      kind: "accept",
      rootCause: "duplicate",
      rationale:
        "Same requester, same question, a few hours apart, and the second conversation only repeats the first answer. Our channel merge did not link the e-mail to the chat, so both were counted. Accepted in full; a credit note goes against the invoice.",
    }),
    decisionStep(cast, story, new Date(decidedAt.getTime() + 12 * MINUTE), duplicates.slice(2), {
      kind: "reject",
      rootCause: "no_fault_found",
      rationale: `${duplicates[2]!.subject} is a follow-up, not a copy: the employee came back with a second question after ${picked[2]![0].subject} was answered, and the AI resolved that one too. Both stay billed.`,
    }),
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
 * Initech says its own finance team made the billing changes the AI took credit for; the
 * reviewer has decided three of the eight (two accepted, one rejected) and the customer chases
 * the rest.
 */
export async function partlyDecided(cast: Cast): Promise<Step[]> {
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
    decisionStep(cast, story, decidedAt, accepted, {
      kind: "accept",
      rootCause: "attribution",
      rationale: `The console's audit log shows an Initech admin made these changes by hand before the AI replied (${accepted.map((o) => o.subject).join(", ")}); the AI only confirmed what was already done. Accepted in full.`,
    }),
    decisionStep(cast, story, new Date(decidedAt.getTime() + 14 * MINUTE), rejected, {
      kind: "reject",
      rootCause: "no_fault_found",
      rationale: `For ${rejected[0]!.subject} the change went through our billing API from the AI's own session, minutes after the request, and nobody touched it in the console. It stays billed.`,
    }),
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

/** Initech, a couple of hours ago: one ticket the employee had to reopen on Initech's side. */
export async function freshReopened(cast: Cast): Promise<Step[]> {
  const story: Story = { name: "Initech, fresh" };
  const openedAt = new Date(Math.floor((cast.now.getTime() - 2 * HOUR - 35 * MINUTE) / MINUTE) * MINUTE);
  const pool = await billableOutcomes(cast, cast.finance.initech.customerId, "ticket_resolved", openedAt, "draft");
  // A recent one: the employee came back the next morning, and Initech disputed it soon after.
  const recent = pool.filter((o) => o.occurredAt.getTime() > openedAt.getTime() - 10 * DAY);
  const [ticket] = choose(
    cast,
    recent.length > 0 ? recent : pool,
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
