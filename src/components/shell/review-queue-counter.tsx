"use client";
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTRPC } from "@/lib/trpc";
import type { AppRouter } from "@/server/trpc/root";

export type ReviewQueueCounters = inferRouterOutputs<AppRouter>["disputes"]["counters"];

const REFRESH_MS = 60_000;

/**
 * The review queue's counters beside its navigation link: open disputes, and how many are overdue.
 * It sits outside the link (which names it by `aria-describedby`), so the link's name stays "Review queue".
 */
export function ReviewQueueCounter({ id, initial }: { id: string; initial: ReviewQueueCounters | null }) {
  const trpc = useTRPC();
  // Rendered with the server's figures (no request right after load), then refreshed every minute.
  const counters = useQuery(
    trpc.disputes.counters.queryOptions(undefined, { refetchInterval: REFRESH_MS, initialData: initial ?? undefined }),
  );
  if (!counters.data) return null;
  const { open, mine, breached } = counters.data;
  const label = `${open} open ${open === 1 ? "dispute" : "disputes"}, ${mine} assigned to you, ${breached} past ${breached === 1 ? "its" : "their"} service level`;
  return (
    <span
      id={id}
      title={label}
      data-testid="review-queue-counter"
      className="pointer-events-none absolute inset-y-0 right-2 flex items-center gap-1"
    >
      <span className="sr-only">{label}</span>
      <span aria-hidden="true" className="rounded-full bg-slate-700 px-2 py-0.5 text-xs font-semibold text-white">
        {open}
      </span>
      {breached > 0 && (
        <span aria-hidden="true" className="rounded-full bg-red-600 px-2 py-0.5 text-xs font-semibold text-white">
          {breached} late
        </span>
      )}
    </span>
  );
}
