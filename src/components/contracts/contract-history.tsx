import { effectiveLabel } from "@/domain/invoicing/periods";
import { formatDateTime } from "@/lib/format";
import type { ContractView } from "./contract-view";

/** Every version, newest first, with when it applies and why it was made. */
export function ContractHistory({ versions, inForceId }: { versions: ContractView[]; inForceId: string | null }) {
  const now = new Date();
  return (
    <ol className="space-y-3 text-sm">
      {versions.map((v) => (
        <li key={v.id} className="border-l-2 border-slate-200 pl-3">
          <p className="text-slate-900">
            <span className="font-semibold">Version {v.version}</span> · from {effectiveLabel(v.effectiveFrom)}
            {v.id === inForceId && (
              <span className="ml-2 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800">
                In force
              </span>
            )}
            {v.effectiveFrom > now && (
              <span className="ml-2 rounded-full bg-sky-50 px-2 py-0.5 text-xs font-medium text-sky-800">Upcoming</span>
            )}
          </p>
          <p className="text-slate-700">{v.changeNote}</p>
          <p className="text-xs text-slate-500">
            {v.authorLabel} · {formatDateTime(v.createdAt)}
          </p>
        </li>
      ))}
    </ol>
  );
}
