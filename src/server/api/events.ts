// REST v1 ingestion: batches of events, and corrections of one event.
import { amendEvent, voidEvent } from "@/server/services/ingestion/correct-event";
import { IngestBatchInput, MAX_BATCH_BYTES } from "@/server/services/ingestion/ingest-event-schema";
import { ingestEvents } from "@/server/services/ingestion/ingest-events";
import type { ApiHandler } from "./api-route";
import { parseInput, readJsonBody } from "./request";
import { json } from "./response";
import { EventPathParams } from "./schemas/events";

const MAX_CORRECTION_BYTES = 1_048_576;

export const postEvents: ApiHandler<Record<string, never>> = async ({ actor, request }) => {
  const { events } = parseInput(IngestBatchInput, await readJsonBody(request, MAX_BATCH_BYTES));
  return json(await ingestEvents({ actor, items: events }));
};

// Next hands route handlers their path segments decoded already: decoding again turned an id
// with a "%" into a URIError (500) and "a%41" into another id.
export const postAmendment: ApiHandler<{ id: string }> = async ({ actor, request, params }) =>
  json(
    await amendEvent({
      actor,
      eventId: parseInput(EventPathParams, params).id,
      input: await readJsonBody(request, MAX_CORRECTION_BYTES),
    }),
  );

export const postVoid: ApiHandler<{ id: string }> = async ({ actor, request, params }) =>
  json(
    await voidEvent({
      actor,
      eventId: parseInput(EventPathParams, params).id,
      input: await readJsonBody(request, MAX_CORRECTION_BYTES),
    }),
  );
