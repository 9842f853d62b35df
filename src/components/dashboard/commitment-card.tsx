import type { inferRouterOutputs } from "@trpc/server";
import { Card } from "@/components/ui/card";
import { periodLabel } from "@/domain/invoicing/periods";
import { formatMoney } from "@/domain/money-format";
import type { AppRouter } from "@/server/trpc/root";

export type CommitmentStanding = NonNullable<inferRouterOutputs<AppRouter>["dashboard"]["commitment"]>;

/**
 * A commitment over several months: committed, counted so far (finalized invoices of the term
 * and this month's draft), what remains, the months left and the true-up if the pace holds.
 */
export function CommitmentCard({ commitment: c }: { commitment: CommitmentStanding }) {
  const money = (minor: bigint) => formatMoney(minor, c.currency);
  const share = c.committedMinor === 0n ? 100 : Number((c.consumedMinor * 1000n) / c.committedMinor) / 10;
  const rows = [
    { label: "Committed", value: money(c.committedMinor) },
    { label: "Counted so far", value: money(c.consumedMinor) },
    { label: "Remaining", value: money(c.remainingMinor) },
    { label: "Months left after this one", value: String(c.monthsLeft) },
  ];
  return (
    <Card title="Commitment">
      <p className="text-sm text-slate-700">
        {money(c.committedMinor)} over {c.months} months, {periodLabel(c.firstPeriod)} to {periodLabel(c.lastPeriod)}{" "}
        (contract version {c.contractVersion}). Platform fee and usage after discounts and the cap count toward it.
      </p>
      <div
        className="mt-3 h-2 w-full overflow-hidden rounded-full bg-slate-100"
        role="img"
        aria-label={`${Math.min(share, 100)}% of the commitment counted so far`}
      >
        <div className="h-full bg-emerald-600" style={{ width: `${Math.min(share, 100)}%` }} />
      </div>
      <dl className="mt-4 space-y-2 text-sm">
        {rows.map((r) => (
          <div key={r.label} className="flex justify-between gap-4">
            <dt className="text-slate-600">{r.label}</dt>
            <dd className="tabular-nums text-slate-900">{r.value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 text-sm text-slate-700" data-testid="commitment-projection">
        {c.projectedShortfallMinor === 0n
          ? "At the pace so far the commitment is met: no true-up expected."
          : `At the pace so far the term ends ${money(c.projectedShortfallMinor)} short: a true-up for the shortfall comes on the ${periodLabel(c.lastPeriod)} invoice.`}
      </p>
    </Card>
  );
}
