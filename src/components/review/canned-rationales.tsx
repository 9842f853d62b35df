"use client";
import { useQuery } from "@tanstack/react-query";
import type { RootCause } from "@/domain/disputes/dispute-terms";
import { useTRPC } from "@/lib/trpc";

/** The admins' canned rationales for the root cause chosen: one click puts one in the rationale, to edit. */
export function CannedRationales({ rootCause, onUse }: { rootCause: RootCause | ""; onUse: (text: string) => void }) {
  const trpc = useTRPC();
  const canned = useQuery({ ...trpc.settings.cannedRationales.queryOptions(), staleTime: 60_000 });
  const offered = (canned.data ?? []).filter((r) => r.rootCause === rootCause);
  if (!rootCause || offered.length === 0) return null;
  return (
    <div className="text-sm">
      <p className="font-medium text-slate-700">Start from a canned rationale</p>
      <ul className="mt-1 space-y-1">
        {offered.map((r) => (
          <li key={r.id}>
            <button
              type="button"
              onClick={() => onUse(r.text)}
              className="w-full rounded-md border border-slate-200 bg-white px-2 py-1 text-left text-slate-800 hover:bg-slate-100"
            >
              {r.text.length > 140 ? `${r.text.slice(0, 140)}…` : r.text}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
