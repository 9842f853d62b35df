// The demo provider's outcome definitions, created and published through the same use cases
// as the admin UI, so the audit log shows them like any other change. Idempotent: a
// definition that exists is left as it is, except that the seed completes its own versions
// after an interrupted run (a draft it made but did not publish, a v2 it did not get to).
import { type Actor, actorLabel } from "@/domain/actor";
import { db } from "@/server/db";
import { createDefinition } from "@/server/services/definitions/create-definition";
import { createDraftVersion } from "@/server/services/definitions/create-draft-version";
import type { DefinitionInput, VersionRuleInput } from "@/server/services/definitions/definition-schema";
import { publishDefinitionVersion } from "@/server/services/definitions/publish-definition-version";

/**
 * When the definitions take effect. v1 must precede every demo attempt (~3 months of
 * history), so it is 2026-01-01 or the first of the month the history starts in, whichever
 * is earlier. v2 of ticket_resolved starts on the first day of last month, so the current and
 * the previous month bill under the stricter rule and the month before under the old one.
 */
export function demoEffectiveDates(historyFrom: Date, now: Date) {
  const firstOfHistoryMonth = new Date(Date.UTC(historyFrom.getUTCFullYear(), historyFrom.getUTCMonth(), 1));
  const v1 = new Date(Math.min(Date.UTC(2026, 0, 1), firstOfHistoryMonth.getTime()));
  const v2 = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return { v1, v2 };
}

const ticketResolvedV1: VersionRuleInput = {
  criteria: [
    { attribute: "closedBy", operator: "eq", value: "ai", label: "Closed by the AI", whenMissing: "pending" },
    { attribute: "humanReplied", operator: "is_false", label: "No human agent replied", whenMissing: "pass" },
    { attribute: "reopened", operator: "is_false", label: "Not reopened within 72 hours", whenMissing: "pass" },
    { attribute: "csat", operator: "gte", value: 4, label: "CSAT at least 4 of 5 when rated", whenMissing: "pass" },
  ],
  observationWindowHours: 72,
  defaultUnitPrice: "0.99",
  changeNote: "First version: a conversation the AI closed on its own, that stayed closed and was not rated poorly.",
};

const ticketResolvedV2: VersionRuleInput = {
  ...ticketResolvedV1,
  criteria: [
    ...ticketResolvedV1.criteria,
    {
      attribute: "aiShare",
      operator: "gte",
      value: 0.8,
      label: "The AI did at least 80% of the work",
      whenMissing: "fail",
    },
    {
      attribute: "resolutionConfirmed",
      operator: "is_true",
      label: "The customer confirmed the issue is resolved",
      whenMissing: "pending",
    },
  ],
  changeNote:
    "Disputes from Globex and Initech showed tickets closed by the AI after a human agent had done the work behind " +
    "the scenes (refunds issued by hand, accounts unlocked in the admin console), and tickets the AI closed although " +
    "the customer never said the problem was solved. v2 adds attribution (the AI share must be at least 0.8) and " +
    "requires the customer's confirmation; a ticket without one stays pending until its 72-hour window closes, then " +
    "does not bill.",
};

const DEFINITIONS: (DefinitionInput & { later?: VersionRuleInput[] })[] = [
  {
    key: "ticket_resolved",
    name: "Ticket resolved",
    description:
      "A support conversation the AI resolved on its own: closed by the AI, no human agent reply, not reopened " +
      "within 72 hours, and rated at least 4 of 5 when the customer rated it.",
    unitLabel: "resolved conversation",
    firstVersion: ticketResolvedV1,
    later: [ticketResolvedV2],
  },
  {
    key: "lead_qualified",
    name: "Lead qualified",
    description:
      "An inbound lead the AI qualified and handed to sales: budget confirmed, at least 50 employees, in a region " +
      "the customer serves, and a meeting booked with an account executive within 7 days.",
    unitLabel: "qualified lead",
    firstVersion: {
      criteria: [
        { attribute: "budgetConfirmed", operator: "is_true", label: "Budget confirmed", whenMissing: "pending" },
        {
          attribute: "companySize",
          operator: "gte",
          value: 50,
          label: "Company has at least 50 employees",
          whenMissing: "fail",
        },
        {
          attribute: "meetingBooked",
          operator: "is_true",
          label: "Meeting booked with an account executive",
          whenMissing: "pending",
        },
        {
          attribute: "region",
          operator: "in",
          value: ["NA", "EU", "UK"],
          label: "In a served region (NA, EU, UK)",
          whenMissing: "fail",
        },
      ],
      observationWindowHours: 168,
      defaultUnitPrice: "1.50",
      changeNote: "First version: a sales-ready lead with budget, size, region and a booked meeting.",
    },
  },
  {
    key: "document_processed",
    name: "Document processed",
    description:
      "A document the AI extracted end to end: extraction confidence of at least 0.95, every field validated, no " +
      "human corrections, and at least one readable page.",
    unitLabel: "processed document",
    firstVersion: {
      criteria: [
        {
          attribute: "extractionConfidence",
          operator: "gte",
          value: 0.95,
          label: "Extraction confidence at least 0.95",
          whenMissing: "fail",
        },
        { attribute: "fieldsValidated", operator: "is_true", label: "Every field validated", whenMissing: "pending" },
        { attribute: "humanCorrections", operator: "eq", value: 0, label: "No human corrections", whenMissing: "pass" },
        { attribute: "pages", operator: "gte", value: 1, label: "At least one readable page", whenMissing: "fail" },
      ],
      observationWindowHours: 24,
      defaultUnitPrice: "0.25",
      changeNote: "First version: a document extracted and validated without human help.",
    },
  },
];

/**
 * Creates and publishes what is missing; returns how many definitions or versions changed.
 * A definition someone else created (its v1 is not the seed's) is left alone, and so is a
 * draft someone else started: the seed never publishes another author's work.
 */
export async function seedDemoDefinitions(actor: Actor, dates: { v1: Date; v2: Date }): Promise<number> {
  let changed = 0;
  for (const { later = [], ...input } of DEFINITIONS) {
    if (!(await db().outcomeDefinition.findUnique({ where: { key: input.key } }))) {
      await createDefinition({ actor, input });
      changed++;
    }
    const rules = [input.firstVersion, ...later];
    const effective = [dates.v1, dates.v2];
    for (let number = 1; number <= rules.length; number++) {
      const existing = await db().definitionVersion.findFirst({
        where: { definition: { key: input.key }, number },
        select: { status: true, authorLabel: true },
      });
      if (existing && existing.authorLabel !== actorLabel(actor)) break;
      if (existing && existing.status !== "draft") continue;
      if (!existing) await createDraftVersion({ actor, definitionKey: input.key, input: rules[number - 1]! });
      await publishDefinitionVersion({
        actor,
        input: { definitionKey: input.key, number, effectiveFrom: effective[number - 1]! },
      });
      changed++;
    }
  }
  return changed;
}
