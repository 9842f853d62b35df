// The shape of a generated demo attempt: the ingestion items its provider would have sent,
// built as a timeline. Typed from the API's own schema, so the generators cannot drift
// from what POST /api/v1/events accepts.
import type { z } from "zod";
import type { IngestEventInput } from "@/server/services/ingestion/ingest-event-schema";
import { HOUR } from "./demo-random";

export type DemoEvent = z.input<typeof IngestEventInput>;
type Evidence = NonNullable<DemoEvent["evidence"]>[number];

/** An evidence item with a Date (turned into ISO text when the event is built). */
export type EvidenceDraft = Omit<Evidence, "at"> & { at: Date };

export interface DemoAttempt {
  customer: string;
  definition: string;
  subject: string;
  /** When the observation window closes: after that, every event must land in one call. */
  closesAt: Date;
  /** Only the events that have already happened (occurredAt ≤ now), oldest first. */
  events: DemoEvent[];
}

interface EventParts {
  evidence: EvidenceDraft[];
  attributes?: Record<string, string | number | boolean>;
  cost?: DemoEvent["cost"];
  aiShare?: number;
}

/**
 * Collects one attempt's events. Each event happens when its last evidence item does (a
 * system reports after the fact). Events still in the future are dropped at `build`, but
 * they keep their number, so an event id never changes meaning between runs.
 */
export class AttemptTimeline {
  private readonly drafts: { occurredAt: Date; event: DemoEvent }[] = [];

  constructor(
    private readonly stream: { customer: string; definition: string; windowHours: number },
    private readonly n: number,
    private readonly subject: string,
  ) {}

  event(parts: EventParts): this {
    if (parts.evidence.length === 0) throw new Error("A demo event needs at least one evidence item.");
    const evidence = [...parts.evidence].sort((a, b) => a.at.getTime() - b.at.getTime());
    const occurredAt = evidence.at(-1)!.at;
    const { customer, definition } = this.stream;
    this.drafts.push({
      occurredAt,
      event: {
        id: `demo-${customer}-${definition}-${this.n}-${this.drafts.length + 1}`,
        customer,
        definition,
        subject: this.subject,
        occurredAt: occurredAt.toISOString(),
        attributes: parts.attributes ?? {},
        evidence: evidence.map((e) => ({ ...e, at: e.at.toISOString() })),
        ...(parts.cost ? { cost: parts.cost } : {}),
        ...(parts.aiShare === undefined ? {} : { aiShare: parts.aiShare }),
      },
    });
    return this;
  }

  build(now: Date): DemoAttempt | null {
    const happened = this.drafts.filter((d) => d.occurredAt <= now);
    if (happened.length === 0) return null;
    const start = Math.min(...happened.map((d) => d.occurredAt.getTime()));
    return {
      customer: this.stream.customer,
      definition: this.stream.definition,
      subject: this.subject,
      closesAt: new Date(start + this.stream.windowHours * HOUR),
      events: happened.map((d) => d.event),
    };
  }
}
