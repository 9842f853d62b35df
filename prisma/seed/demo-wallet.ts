// Umbrella's demo wallet (Umbrella, so that Globex, the demo's main customer, still shows an
// amount due): prepaid credits bought late last month, half again as much as last month's invoice, so its finalization draws part of them and the rest shows on the
// dashboard with its expiry. Through the real use case, before the ended months are finalized.
import type { Actor } from "@/domain/actor";
import { nextPeriodStart, periodStartOf } from "@/domain/invoicing/periods";
import { formatMoney, toMajorUnits } from "@/domain/money";
import { db } from "@/server/db";
import { computeInvoice } from "@/server/services/invoicing/compute-invoice";
import { grantWalletCredit } from "@/server/services/wallet/grant-wallet-credit";

const DAY = 86_400_000;

export async function seedDemoWallet({ actor, now, log }: { actor: Actor; now: Date; log: (line: string) => void }) {
  const umbrella = await db().customer.findUnique({
    where: { externalId: "umbrella" },
    select: { id: true, currency: true },
  });
  if (!umbrella || (await db().walletGrant.count({ where: { customerId: umbrella.id } })) > 0) return;
  const current = periodStartOf(now);
  const last = periodStartOf(new Date(current.getTime() - 1));
  const lastInvoice = await db().invoice.findUnique({
    where: { customerId_periodStart: { customerId: umbrella.id, periodStart: last } },
    select: { status: true },
  });
  if (lastInvoice?.status === "finalized") return; // an older demo: its invoices stay as they are
  const { totalMinor } = await computeInvoice(umbrella.id, last);
  // 1.5 × last month's bill, rounded up to a hundred: drawn in part, the rest left.
  const hundred = 10_000n;
  const amountMinor = (((totalMinor * 3n) / 2n + hundred - 1n) / hundred) * hundred || hundred;
  // After the month before was finalized (its grace days), so only last month's invoice draws it.
  const boughtAt = new Date(last.getTime() + 20 * DAY + 10 * 3_600_000);
  const expiresOn = nextPeriodStart(nextPeriodStart(nextPeriodStart(current)))
    .toISOString()
    .slice(0, 10);
  await grantWalletCredit({
    actor,
    input: {
      customerId: umbrella.id,
      kind: "top_up",
      amount: toMajorUnits(amountMinor, umbrella.currency).toFixed(),
      expiresOn,
      reason: "Prepaid credits, PO UH-2026-114",
    },
    now: boughtAt,
  });
  log(
    `Demo wallet: Umbrella Health bought ${formatMoney(amountMinor, umbrella.currency)} of prepaid credits, expiring ${expiresOn}.`,
  );
}
