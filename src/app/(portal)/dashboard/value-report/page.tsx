import type { Metadata } from "next";
import { formatUnitCost } from "@/components/dashboard/figures";
import { PrintButton } from "@/components/dashboard/print-button";
import { valueSummary } from "@/components/dashboard/value-summary";
import { ValueTable } from "@/components/dashboard/value-table";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTimeIn } from "@/lib/format";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Value report" };

/** One printable page for the customer's board: what the outcomes were worth against what they cost. */
export default async function ValueReportPage() {
  const { customer, value, asOf } = await (await serverCaller()).dashboard.overview();
  const valued = value.settings.filter((s) => s.valuePerOutcome !== null);
  return (
    <article className="mx-auto max-w-4xl print:max-w-none print:text-black">
      <PageHeader
        title={`Value report — ${customer.name}`}
        description={`Value delivered by outcome-billed AI against what it was charged, last six periods, as of ${formatDateTimeIn(asOf, customer.timezone)}.`}
        actions={
          <>
            <Link
              href="/dashboard"
              className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 print:hidden"
            >
              Back to the dashboard
            </Link>
            <PrintButton label="Print report" />
          </>
        }
      />
      <p className="mb-6 text-base leading-relaxed text-slate-800" data-testid="value-summary">
        {valueSummary(customer.name, value)}
      </p>
      <ValueTable value={value} caption="Outcomes, value delivered, charged and ROI per period" />
      <section className="mt-6 break-inside-avoid text-sm text-slate-700" aria-label="How the value is computed">
        <h2 className="mb-2 font-semibold text-slate-900">How the value is computed</h2>
        <p>
          Value delivered = billable outcomes × what one outcome is worth to {customer.name}, as stated by its finance
          team; charged = the period&apos;s invoice total (finalized, or the live draft for the current period); ROI =
          (value − charged) ÷ charged.
        </p>
        {valued.length > 0 && (
          <ul className="mt-2 list-disc pl-5">
            {valued.map((s) => (
              <li key={s.definitionId}>
                {s.name}: {formatUnitCost(s.valuePerOutcome, value.currency, 10)} per {s.unitLabel}
                {s.updatedBy && ` (set by ${s.updatedBy}, ${formatDateTimeIn(s.updatedAt, customer.timezone)})`}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
