// The evidence trail read like a conversation: every event the provider sent, oldest first,
// each with when it happened and when it was received, and its items with who acted.
// Superseded and voided events stay visible, marked as such; only an event received after the
// observation window closed is marked late, with whether it still counted.
import type { EventArrival } from "@/domain/ingestion/evidence-arrival";
import { formatDateTimeIn } from "@/lib/format";

export interface TrailEvent {
  eventId: string;
  kind: "original" | "amendment";
  supersededAt: Date | null;
  supersededBy: string | null;
  voidReason: string | null;
  occurredAt: Date;
  receivedAt: Date;
  arrival: EventArrival;
  evidence: unknown;
}

interface EvidenceItem {
  at: string;
  kind: string;
  actor: "ai" | "human" | "customer" | "system";
  title: string;
  body?: string;
  url?: string;
}

const ACTOR = {
  ai: { label: "AI", style: "bg-brand-50 text-brand-700 ring-brand-600/20" },
  human: { label: "Human agent", style: "bg-violet-50 text-violet-800 ring-violet-600/20" },
  customer: { label: "Customer", style: "bg-emerald-50 text-emerald-800 ring-emerald-600/20" },
  system: { label: "System", style: "bg-slate-100 text-slate-700 ring-slate-500/20" },
} as const;

const LATE = {
  late_counted: "counted in the evaluation",
  late_not_counted: "kept as evidence, did not change the final status",
} as const;

/** The window the trail is read against: events received after it are marked. */
export function ObservationWindowNote({
  windowClosesAt,
  final,
  timeZone,
}: {
  windowClosesAt: Date;
  final: boolean;
  /** The customer's IANA zone: instants are shown in it, named. */
  timeZone: string;
}) {
  return (
    <p className="mb-4 text-sm text-slate-600">
      Observation window {final ? "closed" : "closes"}{" "}
      <time dateTime={windowClosesAt.toISOString()} className="text-slate-900">
        {formatDateTimeIn(windowClosesAt, timeZone)}
      </time>
      {final ? ": the result is final." : ": until then the result is pending and may change."}
    </p>
  );
}

export function EvidenceTimeline({ events, timeZone }: { events: TrailEvent[]; timeZone: string }) {
  if (events.length === 0)
    return <p className="text-sm text-slate-600">The provider sent no events for this attempt.</p>;
  return (
    <ol className="space-y-4" aria-label="Evidence, oldest first">
      {events.map((event) => {
        const superseded = event.supersededAt !== null;
        // Keyed by their place in what the provider sent: it never changes for a stored event.
        const items = ((event.evidence as EvidenceItem[] | null) ?? [])
          .map((item, sent) => ({ item, key: `${event.eventId}/${sent}` }))
          .sort((a, b) => a.item.at.localeCompare(b.item.at));
        return (
          <li
            key={event.eventId}
            data-testid="evidence-event"
            className={`min-w-0 rounded-lg border border-slate-200 p-4 ${superseded ? "bg-slate-50 opacity-70" : "bg-white"}`}
          >
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
              <span>
                Happened{" "}
                <time dateTime={event.occurredAt.toISOString()} className="text-slate-900">
                  {formatDateTimeIn(event.occurredAt, timeZone)}
                </time>
              </span>
              <span>
                received{" "}
                <time dateTime={event.receivedAt.toISOString()} className="text-slate-900">
                  {formatDateTimeIn(event.receivedAt, timeZone)}
                </time>{" "}
                ({receiptDelay(event.occurredAt, event.receivedAt)})
              </span>
              {event.kind === "amendment" && (
                <span className="rounded bg-amber-50 px-1.5 text-amber-800">correction</span>
              )}
              {superseded && (
                <span className="rounded bg-slate-200 px-1.5 text-slate-700">
                  {event.voidReason ? `voided: ${event.voidReason}` : "superseded by a correction"}
                </span>
              )}
              {event.arrival !== "in_window" && (
                <span className="rounded bg-amber-100 px-1.5 text-amber-900">
                  received after the observation window closed · {LATE[event.arrival]}
                </span>
              )}
            </div>
            {items.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">No evidence items in this event.</p>
            ) : (
              <ol className="mt-3 space-y-3">
                {items.map(({ item, key }) => (
                  <EvidenceEntry key={key} item={item} struck={superseded} timeZone={timeZone} />
                ))}
              </ol>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function EvidenceEntry({ item, struck, timeZone }: { item: EvidenceItem; struck: boolean; timeZone: string }) {
  const actor = ACTOR[item.actor] ?? ACTOR.system;
  return (
    <li className="min-w-0">
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <span className={`rounded-full px-2 py-0.5 font-medium ring-1 ring-inset ${actor.style}`}>{actor.label}</span>
        <span className="text-slate-500">{item.kind}</span>
        <time className="text-slate-500" dateTime={item.at}>
          {formatDateTimeIn(item.at, timeZone)}
        </time>
      </div>
      <p className={`mt-1 font-medium text-slate-900 ${struck ? "line-through" : ""}`}>{item.title}</p>
      {item.body && <p className="mt-1 whitespace-pre-line break-words text-sm text-slate-700">{item.body}</p>}
      {item.url && (
        <a
          href={item.url}
          className="mt-1 inline-block break-all text-sm text-brand-700 underline"
          rel="noreferrer noopener"
          target="_blank"
        >
          {item.url}
        </a>
      )}
    </li>
  );
}

/** "14 s later", "3 min later", "2 h later", "3 days later": how long the event took to reach us. */
function receiptDelay(occurredAt: Date, receivedAt: Date): string {
  const seconds = Math.round((receivedAt.getTime() - occurredAt.getTime()) / 1000);
  if (seconds < 0) return "before its stated time";
  if (seconds < 60) return `${seconds} s later`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min later`;
  if (seconds < 2 * 86_400) return `${Math.round(seconds / 3600)} h later`;
  return `${Math.round(seconds / 86_400)} days later`;
}
