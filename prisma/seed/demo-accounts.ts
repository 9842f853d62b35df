// The demo logins, printed by `npm start` and used by the end-to-end tests.
import type { Role } from "../../src/domain/roles";

export const DEMO_PASSWORD = "demo-ledger-2026";

export const DEMO_CUSTOMERS = [
  { externalId: "globex", name: "Globex Corporation", currency: "USD", timezone: "America/New_York" },
  { externalId: "initech", name: "Initech", currency: "USD", timezone: "America/Chicago" },
  { externalId: "umbrella", name: "Umbrella Health", currency: "USD", timezone: "Europe/London" },
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
