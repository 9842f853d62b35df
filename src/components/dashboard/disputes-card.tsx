import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { periodLabel } from "@/domain/invoicing/periods";
import { formatMoney } from "@/domain/money";
import { formatCount } from "./figures";

export interface DisputesSummary {
  currency: string;
  periodStart: Date;
  openDisputes: number;
  totalDisputes: number;
  outcomesUnderDispute: number;
  atStakeMinor: bigint;
  creditedThisPeriod: { outcomes: number; amountMinor: bigint };
  creditedOverallMinor: bigint;
}

/** Open disputes, what they put at stake, and what decisions have credited so far. */
export function DisputesCard({ summary }: { summary: DisputesSummary }) {
  const money = (minor: bigint) => formatMoney(minor, summary.currency);
  const link = (
    <Link href="/disputes" className="text-sm text-brand-700 hover:underline">
      All disputes
    </Link>
  );
  if (summary.totalDisputes === 0) {
    return (
      <Card title="Disputes" actions={link}>
        <p className="text-sm text-slate-700">No disputes so far.</p>
        <p className="mt-2 text-xs text-slate-500">
          When an outcome on the bill looks wrong, a finance user can contest it from the outcome, an invoice line or
          the outcomes list; open disputes and their credits are counted here.
        </p>
      </Card>
    );
  }
  return (
    <Card title="Disputes" actions={link}>
      <p className="text-3xl font-semibold tracking-tight text-slate-900" data-testid="open-disputes">
        <Link
          href="/disputes?status=open"
          className="tabular-nums text-brand-700 underline decoration-brand-700/40 underline-offset-2 hover:decoration-brand-700"
        >
          {formatCount(summary.openDisputes)}
          <span className="sr-only"> open {summary.openDisputes === 1 ? "dispute" : "disputes"}</span>
        </Link>
      </p>
      <p className="mt-1 text-sm text-slate-600">
        open {summary.openDisputes === 1 ? "dispute" : "disputes"}, {formatCount(summary.outcomesUnderDispute)}{" "}
        {summary.outcomesUnderDispute === 1 ? "outcome" : "outcomes"} waiting for a decision.
      </p>
      <dl className="mt-4 grid grid-cols-3 gap-3 text-sm">
        <div>
          <dt className="text-slate-600">At stake</dt>
          <dd className="text-lg font-semibold tabular-nums">{money(summary.atStakeMinor)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Credits in {periodLabel(summary.periodStart)}</dt>
          <dd className="text-lg font-semibold tabular-nums">{money(summary.creditedThisPeriod.amountMinor)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Credits overall</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid="credits-overall">
            {money(summary.creditedOverallMinor)}
          </dd>
        </div>
      </dl>
      <p className="mt-2 text-xs text-slate-500">
        At stake is what accepting every undecided outcome in full would credit. Credits are counted as on each invoice:
        dispute credits on the invoice (this month&apos;s, {formatCount(summary.creditedThisPeriod.outcomes)}{" "}
        {summary.creditedThisPeriod.outcomes === 1 ? "outcome" : "outcomes"}, come off the draft) and credit notes on
        finalized invoices.
      </p>
    </Card>
  );
}
