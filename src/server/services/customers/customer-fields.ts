// The customer fields every surface validates the same way (UI, tRPC, REST, seed).
import { z } from "zod";
import { isIso4217Currency } from "@/domain/iso-4217";
import { text } from "@/server/input-rules";

/**
 * Any IANA zone the runtime's ICU knows, links included: `Intl.supportedValuesOf` lists only
 * canonical names, and on Node 20 that is Asia/Calcutta, not Asia/Kolkata.
 */
function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function legalText(max: number, message: string) {
  return text().trim().max(max, message).optional();
}

export const CustomerFields = z.object({
  externalId: text()
    .trim()
    .min(1, "Give the customer's id in your own systems.")
    .max(100, "Keep the external id under 100 characters.")
    .regex(/^[A-Za-z0-9._:-]+$/, "Use letters, digits, dot, dash, colon or underscore in the external id."),
  name: text().trim().min(1, "Give the customer's name.").max(200),
  currency: text().trim().toUpperCase().refine(isIso4217Currency, "Use an ISO 4217 currency code such as USD or EUR."),
  timezone: text().trim().refine(isTimeZone, "Use an IANA time zone such as Europe/Berlin."),
  // The legal details invoices print for the buyer. Left out, they stay as they are (providers
  // PUT a customer before every batch without them); empty clears one.
  legalName: legalText(200, "Keep the legal name under 200 characters."),
  address: legalText(500, "Keep the address under 500 characters."),
  taxId: legalText(50, "Keep the tax ID under 50 characters."),
});
export type CustomerFields = z.infer<typeof CustomerFields>;
