"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { errorMessage, useTRPC } from "@/lib/trpc";

/** "Run now" on a job, or "Retry" on its failed run: queues one more run (audited). */
export function RunJobButton({ job, jobLabel, retryOf }: { job: string; jobLabel: string; retryOf?: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const runNow = useMutation(
    trpc.jobs.runNow.mutationOptions({
      // The run takes a moment on the queue; the page then shows it among the recent runs.
      onSuccess: () => setTimeout(() => router.refresh(), 1_500),
    }),
  );
  const verb = retryOf ? "Retry" : "Run now";
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={() => runNow.mutate({ job, retryOf })}
        disabled={runNow.isPending}
        aria-label={`${verb}: ${jobLabel}`}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-60"
      >
        {runNow.isPending ? "Queuing…" : verb}
      </button>
      <output aria-live="polite" className="text-sm">
        {runNow.isError && <span className="text-red-700">{errorMessage(runNow.error)}</span>}
        {runNow.isSuccess && <span className="text-emerald-700">Queued</span>}
      </output>
    </div>
  );
}
