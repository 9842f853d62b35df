import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { formatMoney } from "@/domain/money";
import { formatDateTimeIn } from "@/lib/format";
import type { WalletView } from "./wallet-view";

const GRANT_WORDS: Record<string, string> = {
  grant: "Granted",
  top_up: "Top-up",
  allowance: "Contract allowance",
  refund: "Refund",
};
const ENTRY_WORDS: Record<string, string> = { ...GRANT_WORDS, draw: "Drawn by invoice", expiry: "Expired" };

/** Every grant with what remains of it and when it expires, then every movement, newest first. */
export function WalletLedger({ wallet, timeZone }: { wallet: WalletView; timeZone: string }) {
  const money = (minor: bigint) => formatMoney(minor, wallet.currency);
  const signed = (minor: bigint) => (minor < 0n ? `−${money(-minor)}` : `+${money(minor)}`);
  return (
    <div className="space-y-6">
      <Card title="Grants">
        {wallet.grants.length === 0 ? (
          <p className="text-sm text-slate-600">No prepaid credits yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="wallet-grants">
            {wallet.grants.map((g) => (
              <li key={g.id} className="flex flex-col gap-1 py-3 first:pt-0 last:pb-0 sm:flex-row sm:justify-between">
                <span className="min-w-0 text-slate-700">
                  <span className="font-medium text-slate-900">{GRANT_WORDS[g.kind] ?? g.kind}</span>: {g.reason}
                  <span className="block text-xs text-slate-500">
                    {formatDateTimeIn(g.grantedAt, timeZone)} by {g.grantedBy} ·{" "}
                    {g.expiresAt
                      ? `${g.expired ? "expired" : "expires"} ${formatDateTimeIn(g.expiresAt, timeZone)}`
                      : "never expires"}
                  </span>
                </span>
                <span className="whitespace-nowrap tabular-nums text-slate-900">
                  {money(g.remainingMinor)} left of {money(g.amountMinor)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="Ledger">
        {wallet.ledger.length === 0 ? (
          <p className="text-sm text-slate-600">No movements yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="wallet-ledger">
            {wallet.ledger.map((e) => (
              <li key={e.id} className="flex flex-col gap-1 py-3 first:pt-0 last:pb-0 sm:flex-row sm:justify-between">
                <span className="min-w-0 text-slate-700">
                  <span className="font-medium text-slate-900">{ENTRY_WORDS[e.kind] ?? e.kind}</span>
                  {e.invoiceId ? (
                    <>
                      {" "}
                      <Link href={`/invoices/${e.invoiceId}`} className="text-brand-700 hover:underline">
                        {e.invoiceNumber ?? "invoice"}
                      </Link>
                    </>
                  ) : (
                    `: ${e.reason}`
                  )}
                  <span className="block text-xs text-slate-500">
                    {formatDateTimeIn(e.at, timeZone)} · {e.recordedBy}
                  </span>
                </span>
                <span
                  className={`whitespace-nowrap tabular-nums ${e.amountMinor < 0n ? "text-slate-900" : "text-emerald-700"}`}
                >
                  {signed(e.amountMinor)}
                </span>
              </li>
            ))}
          </ul>
        )}
        {wallet.ledgerTruncated && (
          <p className="mt-3 text-xs text-slate-500">The newest 200 movements; REST v1 reads the same ledger.</p>
        )}
      </Card>
    </div>
  );
}
