import { Card } from "@/components/ui/card";
import { formatMoney } from "@/domain/money";
import { FigureLink } from "./figure-link";
import { formatPercent } from "./figures";
import { outcomesHref } from "./outcome-links";
import type { Billing, Dashboard } from "./types";

/** What the month-to-date bill is made of: the fixed platform fee and the usage charges. */
export function BillSplitCard({ dashboard, billing }: { dashboard: Dashboard; billing: Billing }) {
  const { charges, currency } = billing;
  const month = { from: dashboard.period.start, to: dashboard.period.end };
  const usageMinor =
    charges.attempts +
    charges.outcomes +
    charges.tier_flat_fee +
    charges.price_minimum +
    charges.price_maximum +
    charges.price_discount +
    charges.cap_adjustment;
  const rows: { label: string; amountMinor: bigint; href?: string }[] = [
    { label: "Platform fee (fixed)", amountMinor: charges.platform_fee },
    { label: "Attempt fees", amountMinor: charges.attempts, href: outcomesHref(month) },
    { label: "Outcome charges", amountMinor: charges.outcomes, href: outcomesHref({ status: "billable", ...month }) },
    { label: "Tier flat fees", amountMinor: charges.tier_flat_fee },
    { label: "Outcome price minimums", amountMinor: charges.price_minimum },
    { label: "Outcome price maximums", amountMinor: charges.price_maximum },
    { label: "Outcome price discounts", amountMinor: charges.price_discount },
    { label: "Cap adjustment", amountMinor: charges.cap_adjustment },
    { label: "Minimum commitment true-up", amountMinor: charges.minimum_true_up },
    { label: "Invoice discounts", amountMinor: charges.invoice_discount },
    { label: "Dispute credits", amountMinor: charges.dispute_credit, href: "/disputes?status=resolved" },
    { label: "Late items from earlier months", amountMinor: charges.late_items },
  ].filter((r) => r.amountMinor !== 0n);
  return (
    <Card title="Fixed fee and usage">
      {billing.hybrid ? (
        <p className="text-sm text-slate-700">
          <span className="text-2xl font-semibold text-slate-900" data-testid="fixed-share">
            {formatPercent(billing.fixedShare)}
          </span>{" "}
          of this month&apos;s bill so far is the fixed platform fee; usage adds {formatMoney(usageMinor, currency)}.
        </p>
      ) : (
        <p className="text-sm text-slate-700">
          {charges.platform_fee === 0n
            ? "Your contract has no platform fee: the bill is usage only."
            : "Your contract is a platform fee without usage prices."}
        </p>
      )}
      <dl className="mt-4 space-y-2 text-sm">
        {rows.map((r) => (
          <div key={r.label} className="flex justify-between gap-4">
            <dt className="text-slate-600">{r.label}</dt>
            <dd className="tabular-nums text-slate-900">
              {r.href ? (
                <FigureLink
                  href={r.href}
                  label={
                    r.label === "Dispute credits"
                      ? "the disputes behind the credits"
                      : `outcomes behind ${r.label.toLowerCase()}`
                  }
                >
                  {formatMoney(r.amountMinor, currency)}
                </FigureLink>
              ) : (
                formatMoney(r.amountMinor, currency)
              )}
            </dd>
          </div>
        ))}
        <div className="flex justify-between gap-4 border-t border-slate-200 pt-2 font-semibold">
          <dt className="text-slate-900">Total so far</dt>
          <dd className="tabular-nums text-slate-900">{formatMoney(billing.totalMinor, currency)}</dd>
        </div>
      </dl>
    </Card>
  );
}
