import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { formatMoney } from "@/domain/money";
import { formatDateTimeIn } from "@/lib/format";
import type { WalletView } from "./wallet-view";

/** The dashboard's view of prepaid credits: the balance and what expires next. */
export function WalletCard({
  wallet,
  timeZone,
  linkToLedger = true,
}: {
  wallet: WalletView;
  timeZone: string;
  /** The portal's wallet page shows the customer the portal views: staff on a customer's page read its ledger there. */
  linkToLedger?: boolean;
}) {
  const money = (minor: bigint) => formatMoney(minor, wallet.currency);
  const next = wallet.expiring[0];
  const link = (
    <Link href="/wallet" className="text-sm text-brand-700 hover:underline">
      Wallet and ledger
    </Link>
  );
  return (
    <Card title="Prepaid credits" actions={linkToLedger ? link : undefined}>
      <p className="text-3xl font-semibold tabular-nums tracking-tight text-slate-900" data-testid="wallet-balance">
        {money(wallet.balanceMinor)}
      </p>
      <p className="mt-1 text-sm text-slate-600">
        available: finalized invoices draw it before anything is due, the credits that expire first first.
      </p>
      {next ? (
        <p className="mt-3 text-sm text-slate-700" data-testid="wallet-next-expiry">
          {money(next.amountMinor)} expires {formatDateTimeIn(next.expiresAt, timeZone)}
          {wallet.expiring.length > 1 && ` (and ${wallet.expiring.length - 1} more grants later)`}.
        </p>
      ) : (
        wallet.balanceMinor > 0n && <p className="mt-3 text-sm text-slate-700">None of it expires.</p>
      )}
    </Card>
  );
}
