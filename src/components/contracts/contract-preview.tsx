import { formatMoney } from "@/domain/money-format";
import { formatQuantity, formatUnitPrice } from "@/lib/format";

export interface PreviewLine {
  description: string;
  /** Null for an adjustment line (cap, minimum): an amount, not a price. */
  quantity: string | null;
  unitPrice: string | null;
  amountMinor: bigint;
}

/** This month's bill under the proposed terms, beside the bill under the terms in force. */
export function ContractPreview({
  preview,
  currentTotalMinor,
  period,
  state,
}: {
  preview: { lines: PreviewLine[]; totalMinor: bigint; currency: string } | null;
  currentTotalMinor: bigint | null;
  period: string;
  /** What the preview is waiting for, in plain words; null when it is up to date. */
  state: string | null;
}) {
  const difference = preview && currentTotalMinor !== null ? preview.totalMinor - currentTotalMinor : null;
  return (
    <section aria-labelledby="contract-preview-heading" aria-busy={state === "Updating…"} className="space-y-3">
      <h3 id="contract-preview-heading" className="text-sm font-semibold text-slate-900">
        Preview: {period} under the proposed terms
      </h3>
      <output aria-live="polite" className="block text-xs text-slate-500">
        {state ?? "Up to date with the form."}
      </output>
      {preview && (
        <>
          <table className="w-full text-sm">
            <caption className="sr-only">Lines of {period} under the proposed terms</caption>
            <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-2">
                  Line
                </th>
                <th scope="col" className="py-1 text-right">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {preview.lines.length === 0 && (
                <tr>
                  <td colSpan={2} className="py-2 text-slate-600">
                    No charges this month under these terms.
                  </td>
                </tr>
              )}
              {preview.lines.map((l, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: preview lines have no identity beyond their place, and the list is replaced whole
                <tr key={i}>
                  <td className="py-2 pr-2 text-slate-700">
                    {l.description}
                    {l.quantity !== null && l.unitPrice !== null && (
                      <span className="block text-xs text-slate-500">
                        {formatQuantity(l.quantity)} × {formatUnitPrice(l.unitPrice, preview.currency)}
                      </span>
                    )}
                  </td>
                  <td className="py-2 text-right tabular-nums whitespace-nowrap">
                    {formatMoney(l.amountMinor, preview.currency)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <dl className="space-y-1 border-t border-slate-200 pt-2 text-sm">
            <div className="flex justify-between gap-4 font-semibold text-slate-900">
              <dt>Proposed total</dt>
              <dd className="tabular-nums">{formatMoney(preview.totalMinor, preview.currency)}</dd>
            </div>
            {currentTotalMinor !== null && (
              <div className="flex justify-between gap-4 text-slate-700">
                <dt>Under the terms in force</dt>
                <dd className="tabular-nums">{formatMoney(currentTotalMinor, preview.currency)}</dd>
              </div>
            )}
            {difference !== null && (
              <div className="flex justify-between gap-4 text-slate-700">
                <dt>Difference</dt>
                <dd className="tabular-nums">
                  {difference > 0n ? "+" : difference < 0n ? "−" : ""}
                  {formatMoney(difference < 0n ? -difference : difference, preview.currency)}
                </dd>
              </div>
            )}
          </dl>
        </>
      )}
    </section>
  );
}
