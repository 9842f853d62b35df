import type { ServiceLevelState } from "@/domain/disputes/service-level";

/** A dispute's standing against the service level, in words; a breach is also marked, never by colour alone. */
export function ServiceLevelLabel({ serviceLevel }: { serviceLevel: ServiceLevelState | null }) {
  if (!serviceLevel) return <span className="text-slate-500">Closed</span>;
  const text = serviceLevel.label.charAt(0).toUpperCase() + serviceLevel.label.slice(1);
  if (serviceLevel.breached)
    return (
      <span className="inline-flex items-center gap-1 rounded bg-red-100 px-1.5 py-0.5 font-semibold text-red-800 ring-1 ring-inset ring-red-600/30">
        <span aria-hidden="true">!</span>
        {text}
      </span>
    );
  const soon = serviceLevel.hoursLeft < 24;
  return <span className={soon ? "font-medium text-amber-800" : "text-slate-700"}>{text}</span>;
}
