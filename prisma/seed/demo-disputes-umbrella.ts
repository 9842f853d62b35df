// Umbrella Health's demo disputes: a lead accepted at 0.00 (when its month is under the
// minimum commitment or over the cap, which is rule 5 at work), and three leads disputed and
// then withdrawn once the reviewer showed the enrichment data.
import { periodLabel, periodStartOf } from "@/domain/invoicing/periods";
import { previewDispute } from "@/server/services/disputes/open-dispute";
import { withdrawDispute } from "@/server/services/disputes/withdraw-dispute";
import {
  billableOutcomes,
  businessDaysAgo,
  type Cast,
  choose,
  decide,
  disputableInvoiceAt,
  type Outcome,
  open,
  reply,
  type Step,
  type Story,
  selfAssign,
} from "./demo-dispute-kit";
import { MINUTE } from "./demo-random";

/**
 * Umbrella disputes a lead whose meeting fell through; the reviewer accepts it. When Umbrella's
 * month is below its minimum commitment (or above its cap), removing the lead changes nothing
 * and the credit is 0.00, which the decision explains. Chosen only if the figures say so.
 */
export async function zeroCreditUnderMinimum(cast: Cast): Promise<Step[]> {
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
export async function withdrawnAfterAnswer(cast: Cast): Promise<Step[]> {
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
