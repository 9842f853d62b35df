// What a customer disputes, as they chose it: one outcome or a selection, an invoice line, or
// everything the outcome explorer's filter matches — resolved on the server, within the
// customer's own data, to at most 10,000 outcomes.
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { int } from "@/server/input-rules";
import { AttemptListQuery, attemptWhere } from "@/server/services/attempts/find-attempts";
import { listLineOutcomes } from "@/server/services/invoicing/list-line-outcomes";

export const MAX_DISPUTED_OUTCOMES = 10_000;

export const DisputeScope = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("outcomes"),
    attemptIds: z
      .array(z.uuid("An outcome id is a UUID."))
      .min(1, "Choose at least one outcome.")
      .max(
        MAX_DISPUTED_OUTCOMES,
        `One dispute holds at most ${MAX_DISPUTED_OUTCOMES.toLocaleString("en-US")} outcomes.`,
      ),
  }),
  z.strictObject({
    kind: z.literal("invoice_line"),
    invoiceId: z.uuid("The invoice id is a UUID."),
    position: int().min(0),
  }),
  z.strictObject({
    kind: z.literal("filter"),
    query: AttemptListQuery.omit({ customer: true, cursor: true, limit: true, sort: true }),
  }),
]);
export type DisputeScope = z.infer<typeof DisputeScope>;

const tooMany = () =>
  new AppError(
    "VALIDATION_FAILED",
    `That is more than ${MAX_DISPUTED_OUTCOMES.toLocaleString("en-US")} outcomes; narrow the filter (a shorter period, one definition) and dispute them in parts.`,
    [{ path: "scope", message: "Too many outcomes for one dispute." }],
  );

export async function resolveDisputeScope(
  actor: Actor,
  customerId: string,
  scope: DisputeScope,
): Promise<{ attemptIds: string[]; label: string }> {
  switch (scope.kind) {
    case "outcomes":
      return {
        attemptIds: [...new Set(scope.attemptIds)],
        label: scope.attemptIds.length === 1 ? "One outcome" : `${scope.attemptIds.length} selected outcomes`,
      };
    case "filter": {
      const query = AttemptListQuery.parse({ ...scope.query, status: scope.query.status ?? "billable" });
      const rows = await db().attempt.findMany({
        where: attemptWhere(actor, customerId, query),
        select: { id: true },
        take: MAX_DISPUTED_OUTCOMES + 1,
      });
      if (rows.length > MAX_DISPUTED_OUTCOMES) throw tooMany();
      return { attemptIds: rows.map((r) => r.id), label: `Outcomes matching ${describeFilter(query)}` };
    }
    case "invoice_line": {
      const attemptIds: string[] = [];
      let cursor: string | undefined;
      let label = "";
      do {
        const page = await listLineOutcomes({
          actor,
          customerId,
          invoiceId: scope.invoiceId,
          position: scope.position,
          cursor,
          limit: 500,
        });
        if (page.line.kind !== "outcomes") {
          throw new AppError("VALIDATION_FAILED", "Only a line of billable outcomes can be disputed as a whole.", [
            { path: "scope.position", message: "Not a line of outcomes." },
          ]);
        }
        label = `Invoice ${page.invoice.number ?? "draft"} (${page.invoice.periodStart.toISOString().slice(0, 7)}), line “${page.line.description}”`;
        attemptIds.push(...page.outcomes.filter((o) => o.billedAs === "billable").map((o) => o.id));
        if (attemptIds.length > MAX_DISPUTED_OUTCOMES) throw tooMany();
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return { attemptIds, label };
    }
  }
}

function describeFilter(q: z.output<typeof AttemptListQuery>): string {
  const parts = [
    q.status && `status ${q.status.replace("_", " ")}`,
    q.definition && `definition ${q.definition}`,
    q.period && `period ${q.period}`,
    q.from && `from ${q.from}`,
    q.to && `before ${q.to}`,
    q.subject && `subject ${q.subject}`,
    q.subjectPrefix && `subjects starting with ${q.subjectPrefix}`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : "every filter";
}
