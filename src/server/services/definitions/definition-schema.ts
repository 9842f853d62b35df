// The fields of outcome definitions and their versions, validated the same way on every
// surface (admin UI, REST, seed).
import { z } from "zod";
import { MISSING_RULES, OPERATORS } from "@/domain/evaluation/criteria";
import { text } from "@/server/input-rules";
import { DecimalAmount } from "@/server/services/ingestion/ingest-event-schema";

const Value = z.union([text().max(1_000), z.number().finite(), z.boolean()]);
const NO_VALUE = new Set(["exists", "is_true", "is_false"]);
const LIST_VALUE = new Set(["in", "not_in"]);

export const CriterionInput = z
  .strictObject({
    attribute: text()
      .trim()
      .regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/, "Name the attribute with letters, digits, dot, dash or underscore."),
    operator: z.enum(OPERATORS, `Use one of: ${OPERATORS.join(", ")}.`),
    value: z.union([Value, z.array(Value).min(1).max(100)]).optional(),
    label: text().trim().min(1, "Write the criterion as customers will read it.").max(200),
    whenMissing: z.enum(MISSING_RULES, "Say what a missing value means: fail, pass or pending."),
  })
  .superRefine((c, ctx) => {
    const list = Array.isArray(c.value);
    if (NO_VALUE.has(c.operator) && c.value !== undefined) {
      ctx.addIssue({ code: "custom", path: ["value"], message: `"${c.operator}" takes no value.` });
    } else if (LIST_VALUE.has(c.operator) && !list) {
      ctx.addIssue({ code: "custom", path: ["value"], message: `"${c.operator}" needs a list of values.` });
    } else if (!NO_VALUE.has(c.operator) && !LIST_VALUE.has(c.operator) && (c.value === undefined || list)) {
      ctx.addIssue({ code: "custom", path: ["value"], message: `"${c.operator}" needs one value to compare with.` });
    } else if (["lt", "lte", "gt", "gte"].includes(c.operator) && typeof c.value === "boolean") {
      ctx.addIssue({ code: "custom", path: ["value"], message: "Order comparisons need a number or a text value." });
    }
  });
export type CriterionInput = z.infer<typeof CriterionInput>;

export const VersionRuleInput = z.strictObject({
  criteria: z.array(CriterionInput).max(50, "Use at most 50 criteria."),
  observationWindowHours: z
    .number()
    .int("Give the observation window in whole hours.")
    .min(0, "The observation window cannot be negative.")
    .max(24 * 90, "Keep the observation window under 90 days."),
  defaultUnitPrice: DecimalAmount,
  changeNote: text().trim().min(1, "Say what this version changes and why.").max(2_000),
});
export type VersionRuleInput = z.infer<typeof VersionRuleInput>;

export const DefinitionInput = z.strictObject({
  key: text()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,63}$/, "Use a key of lowercase letters, digits and underscores, e.g. ticket_resolved."),
  name: text().trim().min(1, "Give the definition a name.").max(200),
  description: text().trim().max(5_000).default(""),
  unitLabel: text().trim().min(1, 'Say how one outcome reads on a bill, e.g. "resolved conversation".').max(100),
  firstVersion: VersionRuleInput,
});
export type DefinitionInput = z.input<typeof DefinitionInput>;
