import type { Metadata } from "next";
import { AccountCard } from "@/components/dashboard/account-card";
import { BillSplitCard } from "@/components/dashboard/bill-split-card";
import { CommitmentCard } from "@/components/dashboard/commitment-card";
import { describeSpendAlert } from "@/components/dashboard/describe-spend-alert";
import { DisputesCard } from "@/components/dashboard/disputes-card";
import { ForecastCard } from "@/components/dashboard/forecast-card";
import { HistoryCharts } from "@/components/dashboard/history-charts";
import { MonthToDateCard } from "@/components/dashboard/month-to-date-card";
import { OutcomeValuesCard } from "@/components/dashboard/outcome-values-card";
import { SpendAlertsCard } from "@/components/dashboard/spend-alerts-card";
import { SuccessCard } from "@/components/dashboard/success-card";
import { ValueCard } from "@/components/dashboard/value-card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { WalletCard } from "@/components/wallet/wallet-card";
import { periodLabel } from "@/domain/invoicing/periods";
import { formatDateTimeIn } from "@/lib/format";
import { currentActor } from "@/server/auth/current-actor";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const caller = await serverCaller();
  const [dashboard, account, alerts, disputes, actor, wallet, commitment] = await Promise.all([
    caller.dashboard.overview(),
    caller.dashboard.account(),
    caller.dashboard.alerts(),
    caller.disputes.summary(),
    currentActor(),
    caller.wallet.get(),
    caller.dashboard.commitment(),
  ]);
  const { customer, billing, history, period, value } = dashboard;
  const hasUsage = history.some((p) => p.attempts > 0);
  const header = (
    <PageHeader
      title={`Dashboard — ${customer.name}`}
      description={`${customer.name}'s billing for ${periodLabel(period.start)} to date, as of ${formatDateTimeIn(dashboard.asOf, customer.timezone)}. Every figure opens the outcomes behind it.`}
    />
  );

  if (!billing && !hasUsage) {
    return (
      <>
        {header}
        <EmptyState title="No contract and no outcomes yet">
          <p>
            Month-to-date charges against your cap, the forecast to month end, your success rate and the effective cost
            per outcome appear here once the provider sets up {customer.name}&apos;s contract and starts sending
            outcomes.
          </p>
        </EmptyState>
      </>
    );
  }

  return (
    <>
      {header}
      {!billing && (
        <p
          role="status"
          className="mb-6 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
        >
          {customer.name} has no contract in force for {periodLabel(period.start)}, so nothing is billed this month. The
          usage below is counted all the same.
        </p>
      )}
      {billing && !hasUsage && (
        <p role="status" className="mb-6 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-700">
          No outcomes recorded yet: the figures fill in as the provider sends attempts for {customer.name}.
        </p>
      )}
      <div className="mb-6">
        <AccountCard account={account} />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        {billing && <MonthToDateCard dashboard={dashboard} billing={billing} />}
        {billing && <ForecastCard billing={billing} />}
        {billing && <BillSplitCard dashboard={dashboard} billing={billing} />}
        {commitment && <CommitmentCard commitment={commitment} />}
        <SuccessCard dashboard={dashboard} />
        <DisputesCard summary={disputes} />
        {wallet.grants.length > 0 && <WalletCard wallet={wallet} timeZone={customer.timezone} />}
        <SpendAlertsCard
          alerts={alerts.map((a) => ({
            ...a,
            description: describeSpendAlert(a.kind, a.threshold, billing?.currency ?? customer.currency),
          }))}
          currency={billing?.currency ?? customer.currency}
          canEdit={actor?.role === "finance"}
          timeZone={customer.timezone}
        />
      </div>
      <h2 className="mt-8 mb-4 text-lg font-semibold text-slate-900">Last six months</h2>
      <HistoryCharts history={history} currency={billing?.currency ?? customer.currency} />
      <h2 className="mt-8 mb-4 text-lg font-semibold text-slate-900">Value delivered</h2>
      <div className="grid gap-6 lg:grid-cols-2">
        {/* Full width: its five-column table would scroll in half a row. */}
        <div className="lg:col-span-2">
          <ValueCard value={value} />
        </div>
        <OutcomeValuesCard value={value} canEdit={actor?.role === "finance"} timeZone={customer.timezone} />
      </div>
    </>
  );
}
