import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { WalletCard } from "@/components/wallet/wallet-card";
import { WalletLedger } from "@/components/wallet/wallet-ledger";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Prepaid credits" };

export default async function WalletPage() {
  const caller = await serverCaller();
  const [customer, wallet] = await Promise.all([caller.session.viewedCustomer(), caller.wallet.get()]);
  return (
    <>
      <PageHeader
        title="Prepaid credits"
        description={`${customer.name}'s wallet: each finalized invoice is paid from it first, the credits that expire first drawn first, and only what it does not cover is due. Every grant, draw and expiry is in the ledger.`}
      />
      <div className="space-y-6">
        <WalletCard wallet={wallet} timeZone={customer.timezone} />
        <WalletLedger wallet={wallet} timeZone={customer.timezone} />
      </div>
    </>
  );
}
