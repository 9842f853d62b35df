// The evidence trail read like a conversation: every item the provider sent, in time order,
// with who acted. Superseded and voided events stay visible, marked as such.
import { formatDateTime } from "@/lib/format";

export interface TrailEvent {
  eventId: string;
  kind: "original" | "amendment";
  supersededAt: Date | null;
  supersededBy: string | null;
  voidReason: string | null;
  receivedAt: Date;
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

export function EvidenceTimeline({
  events,
  windowClosesAt,
  final,
}: {
  events: TrailEvent[];
  windowClosesAt: Date;
  final: boolean;
}) {
  const items = events
    .flatMap((event) => (event.evidence as EvidenceItem[]).map((item, position) => ({ item, event, position })))
    .sort((a, b) => a.item.at.localeCompare(b.item.at));
  if (items.length === 0)
    return <p className="text-sm text-slate-600">The provider sent no evidence items for this attempt.</p>;
  return (
    <ol className="space-y-4" aria-label="Evidence, oldest first">
      {items.map(({ item, event, position }) => {
        const superseded = event.supersededAt !== null;
        const late = final && event.receivedAt > windowClosesAt;
        const actor = ACTOR[item.actor] ?? ACTOR.system;
        return (
          <li
            key={`${event.eventId}-${position}`}
            className={`rounded-lg border border-slate-200 p-4 ${superseded ? "bg-slate-50 opacity-70" : "bg-white"}`}
          >
            <div className="flex flex-wrap items-center gap-2 text-xs">
              <span className={`rounded-full px-2 py-0.5 font-medium ring-1 ring-inset ${actor.style}`}>
                {actor.label}
              </span>
              <span className="text-slate-500">{item.kind}</span>
              <time className="text-slate-500" dateTime={item.at}>
                {formatDateTime(item.at)}
              </time>
              {event.kind === "amendment" && (
                <span className="rounded bg-amber-50 px-1.5 text-amber-800">correction</span>
              )}
              {superseded && (
                <span className="rounded bg-slate-200 px-1.5 text-slate-700">
                  {event.voidReason ? `voided: ${event.voidReason}` : "superseded by a correction"}
                </span>
              )}
              {late && (
                <span className="rounded bg-slate-200 px-1.5 text-slate-700">arrived after the observation window</span>
              )}
            </div>
            <p className={`mt-2 font-medium text-slate-900 ${superseded ? "line-through" : ""}`}>{item.title}</p>
            {item.body && <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{item.body}</p>}
            {item.url && (
              <a
                href={item.url}
                className="mt-1 inline-block text-sm text-brand-700 underline"
                rel="noreferrer noopener"
                target="_blank"
              >
                {item.url}
              </a>
            )}
          </li>
        );
      })}
    </ol>
  );
}
