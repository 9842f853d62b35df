// The demo provider, "Acme Support AI", its three customers, a user of every role, its
// outcome definitions, three months of attempts, the ended months finalized, and disputes in
// every state. Idempotent: run on every `npm start`, it adds only what is missing, through the
// same use cases the app uses, so the audit log records the demo like any other change.

import type { Actor } from "@/domain/actor";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { upsertCustomer } from "@/server/services/customers/upsert-customer";
import { saveCannedRationale } from "@/server/services/settings/save-canned-rationale";
import { createUser } from "@/server/services/users/create-user";
import { DEMO_CUSTOMERS, DEMO_PASSWORD, DEMO_PROVIDER, DEMO_USERS } from "./demo-accounts";
import { demoHistory, seedDemoAttempts } from "./demo-attempts";
import { seedDemoContracts } from "./demo-contracts";
import { demoEffectiveDates, seedDemoDefinitions } from "./demo-definitions";
import { seedDemoDisputes } from "./demo-disputes";
import { seedDemoWallet } from "./demo-wallet";

const seedActor: Actor = { kind: "system", job: "demo-seed" };

export async function seedDemo(log: (line: string) => void = () => {}): Promise<{ created: number }> {
  let created = 0;
  if (!(await db().providerSettings.findFirst())) {
    await db().$transaction(async (tx) => {
      const settings = await tx.providerSettings.create({ data: { id: 1, ...DEMO_PROVIDER } });
      await appendAuditEntry(tx, {
        actor: seedActor,
        action: "provider.configured",
        subjectType: "provider",
        subjectId: String(settings.id),
        customerId: null,
        after: {
          name: settings.name,
          disputeSlaBusinessDays: settings.disputeSlaBusinessDays,
          legalName: settings.legalName,
          address: settings.address,
          taxId: settings.taxId,
        },
      });
    });
    created++;
  }

  const customerIds = new Map<string, string>();
  for (const fields of DEMO_CUSTOMERS) {
    // Only created when missing: a demo customer that an admin edited stays edited.
    const existing = await db().customer.findUnique({ where: { externalId: fields.externalId } });
    const customer = existing ?? (await upsertCustomer({ actor: seedActor, input: fields })).customer;
    customerIds.set(fields.externalId, customer.id);
    if (!existing) created++;
  }

  for (const user of DEMO_USERS) {
    if (await db().user.findUnique({ where: { email: user.email } })) continue;
    await createUser({
      actor: seedActor,
      input: {
        email: user.email,
        name: user.name,
        role: user.role,
        customerId: user.customer ? customerIds.get(user.customer)! : null,
        password: DEMO_PASSWORD,
      },
    });
    created++;
  }

  // A few canned rationales, so the decision form offers some on the first start.
  if ((await db().cannedRationale.count()) === 0) {
    for (const input of DEMO_CANNED_RATIONALES) {
      await saveCannedRationale({ actor: seedActor, input });
      created++;
    }
  }

  const history = demoHistory(clock.now());
  const effective = demoEffectiveDates(history.from, history.now);
  created += await seedDemoDefinitions(seedActor, effective);
  created += await seedDemoContracts(seedActor, history.from);
  log(created ? `Demo data: ${created} records added.` : "Demo data: already in place.");
  await seedDemoAttempts({ actor: seedActor, log, history, v2From: effective.v2 });
  // Before the ended months are finalized, so last month's invoice draws it.
  await seedDemoWallet({ actor: seedActor, now: history.now, log });
  // Last: disputes need the attempts, the contracts and the finalized months.
  await seedDemoDisputes({ now: history.now, log });
  return { created };
}

const DEMO_CANNED_RATIONALES = [
  {
    rootCause: "detection_error" as const,
    text: "The customer reopened the ticket after our AI closed it, so it was not resolved; we credit it in full.",
  },
  {
    rootCause: "attribution" as const,
    text: "A human agent wrote part of the answer that solved it; we credit the share the AI did not do.",
  },
  {
    rootCause: "no_fault_found" as const,
    text: "The evidence shows the AI resolved the ticket and the customer confirmed it; the charge stands.",
  },
];
