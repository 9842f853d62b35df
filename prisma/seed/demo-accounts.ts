// The demo logins, printed by `npm start` and used by the end-to-end tests.
import type { Role } from "../../src/domain/roles";

export const DEMO_PASSWORD = "demo-ledger-2026";

/** The provider's legal details printed on every demo invoice and credit note. */
export const DEMO_PROVIDER = {
  name: "Acme Support AI",
  legalName: "Acme Support AI, Inc.",
  address: "500 Howard Street, Suite 300\nSan Francisco, CA 94105\nUnited States",
  taxId: "US EIN 94-3456789",
};

export const DEMO_CUSTOMERS = [
  {
    externalId: "globex",
    name: "Globex Corporation",
    currency: "USD",
    timezone: "America/New_York",
    legalName: "Globex Corporation Inc.",
    address: "1 Globex Plaza\nNew York, NY 10004\nUnited States",
    taxId: "US EIN 13-1234567",
  },
  {
    externalId: "initech",
    name: "Initech",
    currency: "USD",
    timezone: "America/Chicago",
    legalName: "Initech LLC",
    address: "4120 Freidrich Lane\nAustin, TX 78744\nUnited States",
    taxId: "US EIN 74-7654321",
  },
  {
    externalId: "umbrella",
    name: "Umbrella Health",
    currency: "USD",
    timezone: "Europe/London",
    legalName: "Umbrella Health Ltd",
    address: "12 Raccoon Street\nLondon EC1A 1BB\nUnited Kingdom",
    taxId: "GB VAT 123 4567 89",
  },
] as const;

export const DEMO_USERS: { email: string; name: string; role: Role; customer: string | null }[] = [
  { email: "admin@acme-support.ai", name: "Ada Lovelace", role: "admin", customer: null },
  { email: "reviewer@acme-support.ai", name: "Rita Moreno", role: "reviewer", customer: null },
  { email: "finance@globex.example", name: "Grace Hopper", role: "finance", customer: "globex" },
  { email: "viewer@globex.example", name: "Hank Scorpio", role: "viewer", customer: "globex" },
  { email: "finance@initech.example", name: "Bill Lumbergh", role: "finance", customer: "initech" },
  { email: "viewer@initech.example", name: "Milton Waddams", role: "viewer", customer: "initech" },
  { email: "finance@umbrella.example", name: "Alice Abernathy", role: "finance", customer: "umbrella" },
  { email: "viewer@umbrella.example", name: "Carlos Oliveira", role: "viewer", customer: "umbrella" },
];
