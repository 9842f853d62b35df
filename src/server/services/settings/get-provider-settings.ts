// The provider's own settings as staff read them, with the defaults that apply before an admin
// has saved any.
import { db } from "@/server/db";

/** The provider's name when no settings row exists yet (the shell shows the same). */
export const DEFAULT_PROVIDER_NAME = "Outcome Ledger";
/** The dispute service level opening a dispute applies when none is set. */
export const DEFAULT_DISPUTE_SLA_BUSINESS_DAYS = 2;

export async function getProviderSettings() {
  const settings = await db().providerSettings.findUnique({
    where: { id: 1 },
    select: { name: true, disputeSlaBusinessDays: true },
  });
  return settings ?? { name: DEFAULT_PROVIDER_NAME, disputeSlaBusinessDays: DEFAULT_DISPUTE_SLA_BUSINESS_DAYS };
}
