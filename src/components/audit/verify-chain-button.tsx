"use client";
import { useMutation } from "@tanstack/react-query";
import { errorMessage, useTRPC } from "@/lib/trpc";

export function VerifyChainButton() {
  const trpc = useTRPC();
  const verify = useMutation(trpc.audit.verify.mutationOptions());
  return (
    <div className="flex items-center gap-3">
      <output aria-live="polite" className="text-sm">
        {verify.isError && <span className="text-red-700">{errorMessage(verify.error)}</span>}
        {verify.data &&
          (verify.data.ok ? (
            <span className="font-medium text-emerald-700">
              All {verify.data.checked.toLocaleString("en-US")} entries and their checkpoints verified
            </span>
          ) : (
            <span className="font-medium text-red-700">
              {verify.data.firstBreak
                ? `Chain broken at entry ${verify.data.firstBreak.seq}: ${verify.data.firstBreak.reason}`
                : verify.data.problems[0]}
              {verify.data.problems.length > (verify.data.firstBreak ? 0 : 1) &&
                ` (${verify.data.problems.length - (verify.data.firstBreak ? 0 : 1)} more problems: run npm run audit:verify)`}
            </span>
          ))}
      </output>
      <button
        type="button"
        onClick={() => verify.mutate()}
        disabled={verify.isPending}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-60"
      >
        {verify.isPending ? "Verifying…" : "Verify chain"}
      </button>
    </div>
  );
}
