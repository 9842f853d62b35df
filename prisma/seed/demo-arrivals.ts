// When the demo provider's events reach Outcome Ledger. A real provider's systems send each
// event seconds or minutes after it happens, and the scheduler makes a status final within a
// minute of its window closing; now and then a message comes in after that (a customer writes
// once more days later), which joins the trail without changing the final status. The seed
// replays history this way, so the evidence trail shows the normal case and a few late events.
import type { DemoAttempt, DemoEvent } from "./demo-events";
import { DAY, HOUR, MINUTE, Rng } from "./demo-random";

/** How long an event takes to reach us: mostly seconds, sometimes a few minutes. */
export function receiptDelay(rng: Rng): number {
  return rng.chance(0.85) ? rng.int(2_000, 90_000) : rng.int(2 * MINUTE, 15 * MINUTE);
}

/** When each event of a call was received: shortly after it happened, never after the call itself. */
export function receivedTimes(rng: Rng, items: readonly DemoEvent[], callAt: Date): Date[] {
  return items.map((item) => {
    const at = new Date(item.occurredAt).getTime() + receiptDelay(rng);
    return new Date(Math.min(at, callAt.getTime()));
  });
}

/**
 * When the attempts whose windows closed on one UTC day are sent and evaluated: the end of that
 * day, plus the scheduler's minute. One call per stream and day keeps the seed to a few hundred
 * calls; every event of the day was received by then, seconds or minutes after it happened.
 */
export function closingDayInstant(closesAt: Date, seedNow: Date): Date {
  const dayEnd = Math.floor(closesAt.getTime() / DAY) * DAY + DAY + 40_000;
  return new Date(Math.min(dayEnd, seedNow.getTime()));
}

/** Closed attempts grouped by the day their window closed, oldest first. */
export function byClosingDay(attempts: readonly DemoAttempt[], seedNow: Date): [Date, DemoAttempt[]][] {
  const days = new Map<number, DemoAttempt[]>();
  for (const attempt of attempts) {
    const at = closingDayInstant(attempt.closesAt, seedNow).getTime();
    const day = days.get(at);
    if (day) day.push(attempt);
    else days.set(at, [attempt]);
  }
  return [...days.entries()].sort(([a], [b]) => a - b).map(([at, group]) => [new Date(at), group]);
}

const AFTERTHOUGHTS = [
  "Just confirming it is still working. Thanks again!",
  "Forgot to say thank you, that fixed it.",
  "All good on our side now, you can close this.",
  "Quick note: the fix held over the weekend.",
] as const;

/**
 * A customer's message after the window closed and the status was made final, on about one
 * closed support ticket in 60: genuinely late, so the trail's late tag has something to show.
 */
export function lateMessages(attempts: readonly DemoAttempt[], seedNow: Date): { event: DemoEvent; at: Date }[] {
  const rng = new Rng("outcome-ledger-demo/late-messages");
  return attempts.flatMap((attempt) => {
    const first = attempt.events[0];
    if (attempt.definition !== "ticket_resolved" || !first || !rng.chance(1 / 60)) return [];
    const finalAt = closingDayInstant(attempt.closesAt, seedNow).getTime();
    const occurredAt = new Date(finalAt + rng.int(HOUR, 30 * HOUR));
    const receivedAt = new Date(occurredAt.getTime() + receiptDelay(rng));
    if (receivedAt > seedNow) return [];
    const event: DemoEvent = {
      id: first.id.replace(/-\d+$/, "-late"),
      customer: attempt.customer,
      definition: attempt.definition,
      subject: attempt.subject,
      occurredAt: occurredAt.toISOString(),
      attributes: {},
      evidence: [
        {
          at: occurredAt.toISOString(),
          kind: "message",
          actor: "customer",
          title: "Customer wrote again after the ticket was closed",
          body: rng.pick(AFTERTHOUGHTS),
        },
      ],
    };
    return [{ event, at: receivedAt }];
  });
}
