import type { Metadata } from "next";
import { ContractHistory } from "@/components/contracts/contract-history";
import { ContractTerms } from "@/components/contracts/contract-terms";
import { contractViewOf } from "@/components/contracts/contract-view";
import { CustomerFacts } from "@/components/contracts/customer-facts";
import { NewContractForm } from "@/components/contracts/new-contract-form";
import { CustomerDetailsForm } from "@/components/customers/customer-details-form";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { GrantCreditsForm } from "@/components/wallet/grant-credits-form";
import { WalletCard } from "@/components/wallet/wallet-card";
import { WalletLedger } from "@/components/wallet/wallet-ledger";
import { periodLabel } from "@/domain/invoicing/periods";
import { foundOr404 } from "@/server/trpc/found-or-404";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Customer" };

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await serverCaller();
  const customer = await foundOr404(caller.customers.byId({ customerId: id }));
  const [me, currentRow, versionRows, definitions, wallet] = await Promise.all([
    caller.session.me(),
    caller.contracts.current({ customerId: id }),
    caller.contracts.versions({ customerId: id }),
    caller.definitions.list(),
    caller.wallet.byCustomer({ customerId: id }),
  ]);
  const current = currentRow && contractViewOf(currentRow);
  const versions = versionRows.map(contractViewOf);
  const names = Object.fromEntries(definitions.map((d) => [d.key, d.name]));
  return (
    <>
      <Link href="/customers" className="text-sm text-brand-700 hover:underline">
        ← All customers
      </Link>
      <PageHeader
        title={customer.name}
        description="The customer's details and legal details for invoices, the contract that bills them, and its history."
      />
      <div className="space-y-6">
        <Card title="Customer">
          <CustomerFacts customer={customer} />
          {me.role === "admin" && (
            <div className="mt-4">
              <CustomerDetailsForm customerId={customer.id} current={customer} />
            </div>
          )}
        </Card>
        <Card
          title={
            current
              ? `Contract in force: version ${current.version}, since ${periodLabel(current.effectiveFrom)}`
              : "Contract"
          }
        >
          {current ? (
            <ContractTerms contract={current} names={names} />
          ) : (
            <EmptyState title="No contract in force">
              <p>
                {versions.length > 0
                  ? `The first version starts in ${periodLabel(versions.at(-1)!.effectiveFrom)}; until then nothing is billed.`
                  : `${customer.name} has no contract yet, so no invoice is drawn up and nothing is billed.`}
              </p>
              {me.role !== "admin" && <p>An admin sets up the contract.</p>}
            </EmptyState>
          )}
        </Card>
        <div className="space-y-3">
          <WalletCard wallet={wallet} timeZone={customer.timezone} linkToLedger={false} />
          {me.role === "admin" && <GrantCreditsForm customerId={id} currency={customer.currency} />}
          {wallet.grants.length > 0 && <WalletLedger wallet={wallet} timeZone={customer.timezone} />}
        </div>
        {versions.length > 0 && (
          <Card title={`Version history (${versions.length})`}>
            <ContractHistory versions={versions} inForceId={current?.id ?? null} />
          </Card>
        )}
        {me.role === "admin" && (
          <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
            <NewContractForm
              customerId={id}
              current={current ?? versions[0] ?? null}
              definitions={definitions.map((d) => ({ key: d.key, name: d.name }))}
              currency={customer.currency}
            />
          </section>
        )}
      </div>
    </>
  );
}
