// The customer fields every surface validates the same way (UI, tRPC, REST, seed).
import { z } from "zod";
import { isIso4217Currency } from "@/domain/iso-4217";
import { text } from "@/server/input-rules";

const TIME_ZONES = new Set(Intl.supportedValuesOf("timeZone"));

export const CustomerFields = z.object({
  externalId: text()
    .trim()
    .min(1, "Give the customer's id in your own systems.")
    .max(100, "Keep the external id under 100 characters.")
    .regex(/^[A-Za-z0-9._:-]+$/, "Use letters, digits, dot, dash, colon or underscore in the external id."),
  name: text().trim().min(1, "Give the customer's name.").max(200),
  currency: text().trim().toUpperCase().refine(isIso4217Currency, "Use an ISO 4217 currency code such as USD or EUR."),
  timezone: text()
    .trim()
    .refine((tz) => TIME_ZONES.has(tz) || tz === "UTC", "Use an IANA time zone such as Europe/Berlin."),
});
export type CustomerFields = z.infer<typeof CustomerFields>;
