import { formatMoney } from "@/domain/money-format";

export interface DisputePreviewView {
  eligibleCount: number;
  atStakeMinor: bigint;
  currency: string;
  refused: { reason: string; count: number; message: string; samples: string[] }[];
}

/** What a dispute would cover, and each group of outcomes it would leave out, in plain words. */
export function DisputePreviewSummary({ preview }: { preview: DisputePreviewView }) {
  const { eligibleCount: n, refused } = preview;
  return (
    <div className="space-y-2 text-sm">
      <p role="status" className="font-medium text-slate-900">
        {n.toLocaleString("en-US")} {n === 1 ? "outcome" : "outcomes"},{" "}
        {formatMoney(preview.atStakeMinor, preview.currency)} at stake.
      </p>
      {refused.length > 0 && (
        <div className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-950">
          <p className="font-medium">
            {refused.reduce((s, r) => s + r.count, 0).toLocaleString("en-US")} cannot be disputed and will be left out:
          </p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {refused.map((r) => (
              <li key={r.reason}>
                {r.message}
                {r.samples.length > 0 && (
                  <span className="block font-mono text-xs text-amber-900">
                    e.g. {r.samples.join(", ")}
                    {r.count > r.samples.length && ", …"}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
