// An admin sets the legal details every invoice and credit note prints as the seller. Documents
// render them when read, so the change shows on every invoice from now on; the audit log keeps
// what they were before.
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { transaction } from "@/server/db";
import { text } from "@/server/input-rules";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { DEFAULT_PROVIDER_NAME } from "./get-provider-settings";

const optionalText = (max: number, message: string) => text().trim().max(max, message);

export const LegalDetailsInput = z.strictObject({
  legalName: optionalText(200, "Keep the legal name under 200 characters."),
  address: optionalText(500, "Keep the address under 500 characters."),
  taxId: optionalText(50, "Keep the tax ID under 50 characters."),
});

export async function updateProviderLegalDetails({
  actor,
  input,
}: {
  actor: Actor;
  input: z.input<typeof LegalDetailsInput>;
}) {
  const parsed = LegalDetailsInput.parse(input);
  // Empty clears a field (the environment's value, if any, then applies again).
  const after = {
    legalName: parsed.legalName || null,
    address: parsed.address || null,
    taxId: parsed.taxId || null,
  };
  return transaction(async (tx) => {
    const [before] = await tx.$queryRaw<{ legalName: string | null; address: string | null; taxId: string | null }[]>`
      SELECT "legalName", "address", "taxId" FROM provider_settings WHERE "id" = 1 FOR UPDATE`;
    await tx.providerSettings.upsert({
      where: { id: 1 },
      create: { id: 1, name: DEFAULT_PROVIDER_NAME, ...after },
      update: after,
    });
    await appendAuditEntry(tx, {
      actor,
      action: "provider.legal_details_changed",
      subjectType: "provider",
      subjectId: "1",
      customerId: null,
      before: before ?? null,
      after,
    });
    return after;
  });
}
