// A provider admin (or the provider's back office over REST) grants prepaid credits to a
// customer's wallet, or records credits the customer bought (a top-up). Money in the
// customer's currency, with an optional expiry day; the ledger entry and the audit entry are
// written in one transaction.
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { currencyPrecision, formatMoney, toMajorUnits, toMinorUnits } from "@/domain/money";
import { clock } from "@/server/clock";
import { transaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { isoDay, text } from "@/server/input-rules";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { DecimalAmount } from "@/server/services/ingestion/ingest-event-schema";
import { writeGrant } from "./internal/wallet-ledger";

export const WalletGrantInput = z.strictObject({
  customerId: z.uuid(),
  kind: z
    .enum(["grant", "top_up"])
    .default("grant")
    .describe("`grant`: credits given (a goodwill or launch credit); `top_up`: credits the customer bought."),
  amount: DecimalAmount.refine((a) => /[1-9]/.test(a), "Grant an amount above zero.").describe(
    'In the customer\'s currency, e.g. "500.00".',
  ),
  expiresOn: isoDay("Give the expiry day as YYYY-MM-DD.")
    .nullable()
    .default(null)
    .describe("The day (UTC) from which the credits can no longer be drawn; null = they never expire."),
  reason: text()
    .trim()
    .min(3, "Say why the credits are granted: the customer reads it in the wallet's ledger.")
    .max(500, "Keep the reason within 500 characters."),
});

/** Only provider admins and the provider's back office (API keys) put money into a wallet. */
function assertMayGrant(actor: Actor) {
  const allowed =
    actor.kind === "api-key" || actor.kind === "system" || (actor.kind === "user" && actor.role === "admin");
  if (!allowed) throw new AppError("FORBIDDEN", "Only a provider admin can grant prepaid credits.");
}

export async function grantWalletCredit({
  actor,
  input,
  now = clock.now(),
}: {
  actor: Actor;
  input: z.input<typeof WalletGrantInput>;
  now?: Date;
}) {
  assertMayGrant(actor);
  const { customerId, kind, amount, expiresOn, reason } = WalletGrantInput.parse(input);
  const expiresAt = expiresOn === null ? null : new Date(`${expiresOn}T00:00:00Z`);
  if (expiresAt && expiresAt <= now) {
    throw new AppError("VALIDATION_FAILED", "These credits would expire before they could be used.", [
      { path: "expiresOn", message: "Give a day after today, or no expiry." },
    ]);
  }
  return transaction(async (tx) => {
    const customer = await tx.customer.findUnique({ where: { id: customerId }, select: { currency: true } });
    if (!customer) throw AppError.notFound("The customer");
    const { currency } = customer;
    const amountMinor = toMinorUnits(amount, currency);
    if (!toMajorUnits(amountMinor, currency).eq(amount)) {
      const digits = currencyPrecision(currency);
      throw new AppError("VALIDATION_FAILED", `${currency} amounts have ${digits} decimals.`, [
        { path: "amount", message: `At most ${digits} decimals in ${currency}.` },
      ]);
    }
    const grant = await writeGrant(tx, actor, { customerId, currency, kind, amountMinor, expiresAt, reason }, now);
    if (!grant) throw new Error("A plain grant never conflicts.");
    await appendAuditEntry(tx, {
      actor,
      action: kind === "top_up" ? "wallet.topped_up" : "wallet.granted",
      subjectType: "wallet_grant",
      subjectId: grant.id,
      customerId,
      after: { amountMinor, currency, expiresAt, reason, amount: formatMoney(amountMinor, currency) },
    });
    return grant;
  });
}
