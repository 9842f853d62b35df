// The load phase: `concurrency` clients take the planned requests in order from one queue and
// send them with Node's fetch (undici, keep-alive), each recording its latency and checking
// every item's status against the plan.
import type { ExpectedStatus, PlannedRequest } from "./workload";

type Status = "accepted" | "duplicate" | "conflict" | "rejected";

export interface RequestOutcome {
  index: number;
  kind: PlannedRequest["kind"];
  ms: number;
  httpStatus: number;
  /** Items whose status (or id) differs from the plan, with what came back. */
  mismatches: string[];
  error?: string;
}

export interface LoadResult {
  wallMs: number;
  outcomes: RequestOutcome[];
  /** Statuses received, for first sends and for resends. */
  statuses: Record<"fresh" | "resent", Record<Status, number>>;
  failedRequests: number;
}

interface IngestResponse {
  results?: { index: number; id: string | null; status: Status; errors?: { path: string; message: string }[] }[];
}

/** Promise.withResolvers is Node 22+; the app supports Node 20. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const emptyTally = (): Record<Status, number> => ({ accepted: 0, duplicate: 0, conflict: 0, rejected: 0 });

export async function runLoad({
  baseUrl,
  apiKey,
  requests,
  concurrency,
  onProgress,
  signal,
}: {
  baseUrl: string;
  apiKey: string;
  requests: readonly PlannedRequest[];
  concurrency: number;
  onProgress?: (done: number, total: number) => void;
  /** Stops the clients (and aborts the requests in flight) when aborted. */
  signal?: AbortSignal;
}): Promise<LoadResult> {
  const url = `${baseUrl}/api/v1/events`;
  const headers = { authorization: `Bearer ${apiKey}`, "content-type": "application/json" };
  const done = requests.map(deferred);
  const outcomes: RequestOutcome[] = [];
  const statuses = { fresh: emptyTally(), resent: emptyTally() };
  let next = 0;

  const send = async (planned: PlannedRequest): Promise<RequestOutcome> => {
    await Promise.all(planned.dependsOn.map((i) => done[i]!.promise));
    const started = performance.now();
    try {
      const response = await fetch(url, { method: "POST", headers, body: planned.body, signal });
      const text = await response.text();
      const ms = performance.now() - started;
      const outcome: RequestOutcome = {
        index: planned.index,
        kind: planned.kind,
        ms,
        httpStatus: response.status,
        mismatches: [],
      };
      if (!response.ok) {
        outcome.error = `HTTP ${response.status}: ${text.slice(0, 300)}`;
        return outcome;
      }
      const results = (JSON.parse(text) as IngestResponse).results ?? [];
      if (results.length !== planned.ids.length) {
        outcome.mismatches.push(`${results.length} results for ${planned.ids.length} events`);
      }
      results.forEach((r, i) => {
        const expected: ExpectedStatus | undefined = planned.expected[i];
        statuses[i < planned.fresh ? "fresh" : "resent"][r.status]++;
        if (r.index !== i || r.id !== planned.ids[i] || r.status !== expected) {
          const why = r.errors?.map((e) => `${e.path}: ${e.message}`).join("; ");
          outcome.mismatches.push(
            `item ${i} (${planned.ids[i]}): ${r.status} for ${r.id} at index ${r.index}, expected ${expected}${why ? ` (${why})` : ""}`,
          );
        }
      });
      return outcome;
    } catch (error) {
      const ms = performance.now() - started;
      const message =
        error instanceof Error ? `${error.message}${error.cause ? ` (${String(error.cause)})` : ""}` : String(error);
      return { index: planned.index, kind: planned.kind, ms, httpStatus: 0, mismatches: [], error: message };
    }
  };

  const client = async () => {
    while (next < requests.length && !signal?.aborted) {
      const planned = requests[next++]!;
      const outcome = await send(planned);
      outcomes.push(outcome);
      done[planned.index]!.resolve();
      onProgress?.(outcomes.length, requests.length);
    }
  };

  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, client));
  const wallMs = performance.now() - started;
  outcomes.sort((a, b) => a.index - b.index);
  return {
    wallMs,
    outcomes,
    statuses,
    failedRequests: outcomes.filter((o) => o.error !== undefined || o.mismatches.length > 0).length,
  };
}
