// The provider's own settings as staff read them, with the defaults that apply before an admin
// has saved any.
import type { AutoAssignmentMode } from "@/domain/disputes/auto-assignment";
import { db } from "@/server/db";

/** The provider's name when no settings row exists yet (the shell shows the same). */
export const DEFAULT_PROVIDER_NAME = "Outcome Ledger";
/** The dispute service level opening a dispute applies when none is set. */
export const DEFAULT_DISPUTE_SLA_BUSINESS_DAYS = 2;

export interface LegalDetails {
  legalName: string | null;
  address: string | null;
  taxId: string | null;
}

export async function getProviderSettings() {
  const settings = await db().providerSettings.findUnique({
    where: { id: 1 },
    select: {
      name: true,
      disputeSlaBusinessDays: true,
      legalName: true,
      address: true,
      taxId: true,
      autoAssignment: true,
    },
  });
  return {
    name: settings?.name ?? DEFAULT_PROVIDER_NAME,
    disputeSlaBusinessDays: settings?.disputeSlaBusinessDays ?? DEFAULT_DISPUTE_SLA_BUSINESS_DAYS,
    legal: providerLegalDetails(settings),
    autoAssignment: (settings?.autoAssignment ?? "off") as AutoAssignmentMode,
  };
}

/**
 * What invoices print as the seller: the admins' settings, else the deployment's environment
 * (PROVIDER_LEGAL_NAME, PROVIDER_ADDRESS, PROVIDER_TAX_ID), field by field.
 */
export function providerLegalDetails(saved: Partial<LegalDetails> | null): LegalDetails {
  const env = (name: string) => process.env[name]?.trim() || null;
  return {
    legalName: saved?.legalName ?? env("PROVIDER_LEGAL_NAME"),
    address: saved?.address ?? env("PROVIDER_ADDRESS"),
    taxId: saved?.taxId ?? env("PROVIDER_TAX_ID"),
  };
}
