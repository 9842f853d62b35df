// `--same-subject`: the workload of a provider sending from several workers at once, each of
// which has an event of the same new subjects (issue 18). Requests come in rounds of
// `concurrency`, which the clients take at about the same moment; every request of a round
// carries one event for each of the round's `batch` new subjects, so every subject's attempt is
// created by `concurrency` transactions racing each other. No resends: every event must come
// back `accepted`, and every request 200.
import type { PlannedRequest, Workload } from "./workload";
import { random } from "./workload";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export function buildSameSubjectWorkload({
  events,
  batch,
  concurrency,
  seed,
  customer,
  definition,
  now = Date.now(),
}: {
  events: number;
  batch: number;
  concurrency: number;
  seed: number;
  customer: string;
  definition: string;
  now?: number;
}): Workload {
  const rnd = random(seed);
  const runTag = seed.toString(36);
  const eventsBySubject = new Map<string, number>();
  const requests: PlannedRequest[] = [];
  let costTenThousandths = 0;
  let bytes = 0;
  let sent = 0;
  for (let round = 0; sent < events; round++) {
    const subjects = Array.from(
      { length: batch },
      (_, j) => `ticket-${runTag}-r${String(round).padStart(5, "0")}-${String(j).padStart(4, "0")}`,
    );
    const resolvedAt = subjects.map(() => now - 2 * HOUR - Math.floor(rnd() * 20 * HOUR));
    for (let worker = 0; worker < concurrency && sent < events; worker++) {
      const jsons: string[] = [];
      const ids: string[] = [];
      for (const [j, subject] of subjects.entries()) {
        if (sent >= events) break;
        const id = `${subject}:w${worker}`;
        const tenThousandths = 10 + Math.floor(rnd() * 200);
        costTenThousandths += tenThousandths;
        const json = JSON.stringify({
          id,
          customer,
          definition,
          subject,
          // Each worker saw its own step of the ticket, a minute apart.
          occurredAt: new Date(resolvedAt[j]! + worker * MINUTE).toISOString(),
          attributes: { closedBy: "ai", [`worker${worker}`]: true, handleSeconds: 30 + Math.floor(rnd() * 900) },
          evidence: [
            {
              at: new Date(resolvedAt[j]! + worker * MINUTE).toISOString(),
              kind: "note",
              actor: "ai",
              title: `Step ${worker}`,
            },
          ],
          cost: { amount: (tenThousandths / 10_000).toFixed(4), currency: "USD" },
        });
        bytes += Buffer.byteLength(json);
        jsons.push(json);
        ids.push(id);
        eventsBySubject.set(subject, (eventsBySubject.get(subject) ?? 0) + 1);
        sent += 1;
      }
      requests.push({
        index: requests.length,
        kind: "first",
        body: `{"events":[${jsons.join(",")}]}`,
        ids,
        expected: ids.map(() => "accepted"),
        dependsOn: [],
        fresh: ids.length,
        resent: 0,
      });
    }
  }
  return {
    runTag,
    distinctEvents: sent,
    subjects: eventsBySubject.size,
    eventsBySubject,
    costTenThousandths,
    resentEvents: 0,
    requests,
    averageEventBytes: bytes / sent,
    averageBodyBytes: requests.reduce((n, r) => n + Buffer.byteLength(r.body), 0) / requests.length,
  };
}
