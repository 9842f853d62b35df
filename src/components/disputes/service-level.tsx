import type { ServiceLevelState } from "@/domain/disputes/service-level";

/**
 * A dispute's standing against the provider's promised decision time: "Due in 2 d", or
 * "Overdue by 5 h". A breach is marked in words and a sign, never by colour alone; "Closed" once
 * the dispute no longer runs against it.
 */
export function ServiceLevel({ state }: { state: ServiceLevelState | null }) {
  if (!state) return <span className="text-slate-500">Closed</span>;
  const text = state.label.charAt(0).toUpperCase() + state.label.slice(1);
  if (state.breached)
    return (
      <span className="inline-flex items-center gap-1 rounded bg-red-100 px-1.5 py-0.5 font-semibold text-red-800 ring-1 ring-inset ring-red-600/30">
        <span aria-hidden="true">!</span>
        {text}
      </span>
    );
  return <span className={state.hoursLeft < 24 ? "font-medium text-amber-800" : "text-slate-700"}>{text}</span>;
}
