// The wallet's part of finalization, inside its transaction once the total is known: the
// contract's allowance for the period is granted, then the invoice draws what it can, oldest
// expiry first. The audit entries come after the draw, so the grants are locked before the
// audit chain's head, as everywhere in the wallet.
import type { Actor } from "@/domain/actor";
import { periodLabel } from "@/domain/invoicing/periods";
import { formatMoney, toMinorUnits } from "@/domain/money";
import { allowanceExpiresAt } from "@/domain/wallet/wallet";
import type { Tx } from "@/server/db";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { PrepaidAllowanceInput } from "@/server/services/contracts/contract-schema";
import { drawForInvoice, writeGrant } from "./wallet-ledger";

export async function drawWalletAtFinalization(
  tx: Tx,
  actor: Actor,
  {
    customerId,
    invoiceId,
    periodStart,
    currency,
    totalMinor,
    prepaidAllowance,
  }: {
    customerId: string;
    invoiceId: string;
    periodStart: Date;
    currency: string;
    totalMinor: bigint;
    /** The contract's JSON column, written from `PrepaidAllowanceInput`. */
    prepaidAllowance: unknown;
  },
  now: Date,
): Promise<bigint> {
  const allowance = prepaidAllowance === null ? null : PrepaidAllowanceInput.parse(prepaidAllowance);
  const granted = allowance
    ? await writeGrant(
        tx,
        actor,
        {
          customerId,
          currency,
          kind: "allowance",
          amountMinor: toMinorUnits(allowance.amount, currency),
          expiresAt: allowanceExpiresAt(now, allowance.rolloverPeriods),
          reason: `Contract allowance for ${periodLabel(periodStart)}`,
          allowancePeriodStart: periodStart,
        },
        now,
      )
    : null;
  const draws = await drawForInvoice(tx, actor, { customerId, currency, invoiceId, dueMinor: totalMinor }, now);
  const drawnMinor = draws.reduce((s, d) => s + d.amountMinor, 0n);
  if (granted) {
    await appendAuditEntry(tx, {
      actor,
      action: "wallet.allowance_granted",
      subjectType: "wallet_grant",
      subjectId: granted.id,
      customerId,
      after: { amountMinor: granted.amountMinor, currency, expiresAt: granted.expiresAt, reason: granted.reason },
    });
  }
  if (draws.length > 0) {
    await appendAuditEntry(tx, {
      actor,
      action: "wallet.drawn",
      subjectType: "invoice",
      subjectId: invoiceId,
      customerId,
      after: { drawnMinor, currency, amount: formatMoney(drawnMinor, currency), draws },
    });
  }
  return drawnMinor;
}
