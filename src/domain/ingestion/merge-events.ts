// How events for one subject merge into one attempt. Attributes: for each attribute the
// event with the later occurredAt wins, whatever order the events arrive in; costs add up;
// the attempt happened when its earliest event did.
import type { AttributeValue } from "../evaluation/criteria";
import { Dec } from "../money";

export interface AttemptState {
  occurredAt: Date;
  lastEventAt: Date;
  attributes: Record<string, AttributeValue>;
  /** For each attribute (and "$aiShare"), the ISO occurredAt of the event whose value is kept. */
  attributeTimes: Record<string, string>;
  /** 0..1 as an exact decimal string, or null when no event said. */
  aiShare: string | null;
  /** Exact decimal string. */
  costAmount: string;
  eventCount: number;
}

export interface MergeableEvent {
  occurredAt: Date;
  attributes: Readonly<Record<string, AttributeValue>>;
  aiShare: string | null;
  costAmount: string | null;
}

const AI_SHARE_TIME_KEY = "$aiShare";

/** Folds events into the state. Events are applied in occurredAt order; on equal times the later one in the list wins. */
export function mergeEvents(state: AttemptState | null, events: readonly MergeableEvent[]): AttemptState {
  const ordered = events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.occurredAt.getTime() - b.event.occurredAt.getTime() || a.index - b.index)
    .map(({ event }) => event);
  const first = ordered[0];
  if (!state && !first) throw new Error("mergeEvents needs an existing attempt or at least one event");
  const next: AttemptState = state
    ? { ...state, attributes: { ...state.attributes }, attributeTimes: { ...state.attributeTimes } }
    : {
        occurredAt: first!.occurredAt,
        lastEventAt: first!.occurredAt,
        attributes: {},
        attributeTimes: {},
        aiShare: null,
        costAmount: "0",
        eventCount: 0,
      };
  let cost = new Dec(next.costAmount);
  for (const event of ordered) {
    const at = event.occurredAt.toISOString();
    for (const [name, value] of Object.entries(event.attributes)) {
      if (isNotOlder(at, next.attributeTimes[name])) {
        next.attributes[name] = value;
        next.attributeTimes[name] = at;
      }
    }
    if (event.aiShare !== null && isNotOlder(at, next.attributeTimes[AI_SHARE_TIME_KEY])) {
      next.aiShare = event.aiShare;
      next.attributeTimes[AI_SHARE_TIME_KEY] = at;
    }
    if (event.costAmount !== null) cost = cost.plus(event.costAmount);
    if (event.occurredAt < next.occurredAt) next.occurredAt = event.occurredAt;
    if (event.occurredAt > next.lastEventAt) next.lastEventAt = event.occurredAt;
    next.eventCount++;
  }
  next.costAmount = cost.toFixed();
  return next;
}

// ISO-8601 UTC strings of one format compare correctly as strings.
const isNotOlder = (at: string, kept: string | undefined) => kept === undefined || at >= kept;

/**
 * Events that arrive after the observation window closed join the evidence trail and add
 * their cost, but change neither the attributes nor when the attempt happened: the
 * evaluation is final.
 */
export function recordLateEvents(state: AttemptState, events: readonly MergeableEvent[]): AttemptState {
  let cost = new Dec(state.costAmount);
  let lastEventAt = state.lastEventAt;
  for (const event of events) {
    if (event.costAmount !== null) cost = cost.plus(event.costAmount);
    if (event.occurredAt > lastEventAt) lastEventAt = event.occurredAt;
  }
  return { ...state, lastEventAt, costAmount: cost.toFixed(), eventCount: state.eventCount + events.length };
}
