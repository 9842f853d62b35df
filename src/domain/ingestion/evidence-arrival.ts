// When an event of the evidence trail arrived, measured against its attempt's observation
// window, and what it did to the outcome. A provider's event normally arrives seconds or
// minutes after it happened, inside the window; only one received after the window closed is
// "late", and whether it counted depends on whether the status was already final then.

export type EventArrival =
  /** Received while the window was open: part of the evaluation. */
  | "in_window"
  /**
   * Received after the window closed but by the time the status was made final, so evaluated
   * with the rest; also a late correction, since a correction evaluates the attempt again.
   */
  | "late_counted"
  /** Received once the status was final: kept in the trail (and its cost added), the status unchanged. */
  | "late_not_counted";

export function eventArrival(
  receivedAt: Date,
  attempt: { windowClosesAt: Date; finalizedAt: Date | null },
): EventArrival {
  if (receivedAt <= attempt.windowClosesAt) return "in_window";
  // Ingestion stamps an event's receivedAt with the instant its batch was evaluated at, and
  // a status becomes final at such an instant: received by then means merged before it.
  return attempt.finalizedAt === null || receivedAt <= attempt.finalizedAt ? "late_counted" : "late_not_counted";
}

export interface TrailEventFacts {
  receivedAt: Date;
  supersededAt: Date | null;
  voidReason: string | null;
}

export interface TrailCounts {
  /** Every event the provider sent for the attempt, corrections included. */
  received: number;
  /** The events the outcome stands on now: neither superseded by a correction nor voided. */
  standing: number;
  /** Replaced by an amendment (which is itself one of the received events). */
  corrected: number;
  voided: number;
  /** Received after the window closed. */
  late: number;
}

export function trailCounts(
  events: readonly TrailEventFacts[],
  attempt: { windowClosesAt: Date; finalizedAt: Date | null },
): TrailCounts {
  const superseded = events.filter((e) => e.supersededAt !== null);
  const voided = superseded.filter((e) => e.voidReason !== null).length;
  return {
    received: events.length,
    standing: events.length - superseded.length,
    corrected: superseded.length - voided,
    voided,
    late: events.filter((e) => eventArrival(e.receivedAt, attempt) !== "in_window").length,
  };
}

/**
 * The header's count, naming how it differs from the outcome's standing events: "6 events, 3 of
 * them corrected or voided" beside a trail of six, where the outcomes list counts three.
 */
export function describeTrailCounts(counts: TrailCounts): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const replaced = counts.corrected + counts.voided;
  const notes = [
    replaced > 0
      ? `${replaced} of them ${counts.voided === 0 ? "corrected" : counts.corrected === 0 ? "voided" : "corrected or voided"}`
      : null,
    counts.late > 0 ? `${counts.late} received after the observation window closed` : null,
  ].filter((note): note is string => note !== null);
  return [plural(counts.received, "event"), ...notes].join(", ");
}
