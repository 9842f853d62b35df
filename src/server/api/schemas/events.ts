// REST v1 shapes of ingestion that the use cases do not define themselves: the batch as
// documented, the path of one event, and the answer to a correction.
import { z } from "zod";
import {
  IngestBatchInput,
  IngestEventInput,
  MAX_EVENTS_PER_BATCH,
} from "@/server/services/ingestion/ingest-event-schema";

/**
 * POST /api/v1/events as documented. The handler parses the batch with IngestBatchInput, whose
 * items are `unknown`, and then every item on its own with IngestEventInput, so that one bad
 * item is rejected alone instead of failing the batch. The test holds the limits to IngestBatchInput's.
 */
export const IngestBatchBody = IngestBatchInput.extend({
  events: z.array(IngestEventInput).min(1).max(MAX_EVENTS_PER_BATCH),
});

export const EventPathParams = z.object({
  id: IngestEventInput.shape.id.describe("The id the event was sent with (the original event, not an amendment)."),
});

export const CorrectionResult = z.object({
  id: z.string().describe("The corrected event's id."),
  status: z
    .enum(["amended", "voided", "duplicate"])
    .describe("`duplicate`: the same correction was applied before; nothing changed."),
  attemptId: z.uuid(),
  outcome: z
    .object({
      status: z.enum(["pending", "billable", "not_billable"]),
      final: z.boolean().describe("True once the observation window closed: the status no longer changes."),
    })
    .describe("The attempt's outcome after the correction."),
});
export type CorrectionResult = z.infer<typeof CorrectionResult>;
