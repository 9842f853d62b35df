// The data the fuzz tests send requests against, made through the real use cases: a customer
// with a finalized invoice, a credit note, a dispute partly decided, outcomes of the current
// period still pending, a draft definition version, a webhook endpoint and a spend alert; a
// user of every role. Its ids and keys are what the generated requests draw "known" values
// from, so that valid-looking requests reach past "not found" into the use cases.
import pg from "pg";
import type { Role } from "@/domain/roles";
import type { UserActor } from "@/server/auth/current-actor";
import { clock } from "@/server/clock";
import { finalizeInvoice } from "@/server/services/invoicing/finalize-invoice";
import { claim, disputeSetup } from "../disputes/dispute-fixtures";
import { monthsAgo } from "../invoicing/billed-period";
import { makeApiKey } from "./api-keys";
import { ownerUrl } from "./database-roles";
import { callerFor, makeUser, sendAttempts, testActor } from "./fixtures";

export interface FuzzWorld {
  actors: Record<Role, UserActor>;
  customerId: string;
  /** An API key for REST v1, and one that was revoked. */
  apiKeys: { valid: string; revoked: string };
  /** Ids and keys that exist, for zod-arbitrary's `known`. */
  known: { uuids: string[]; texts: string[] };
}

export async function seedFuzzWorld(): Promise<FuzzWorld> {
  const s = await disputeSetup({ period: monthsAgo(2), attempts: 6, billable: 5 });
  const admin = await makeUser("admin");
  const asAdmin = callerFor(admin);
  await finalizeInvoice({ actor: testActor, input: { customerId: s.customer.id, periodStart: s.period } });
  const [a, b] = s.billable;
  const opened = await s.asFinance.disputes.open({ ...claim, scope: { kind: "outcomes", attemptIds: [a!, b!] } });
  await s.asReviewer.disputes.decide({
    disputeId: opened.disputeId,
    attemptIds: [a!],
    kind: "accept",
    rationale: "Handed to a human agent before closing.",
    rootCause: "attribution",
  });
  await sendAttempts(s.customer.externalId, s.definition.key, new Date(clock.now().getTime() - 3_600_000), 3, 2);
  await asAdmin.definitions.createDraft({
    definitionKey: s.definition.key,
    rule: {
      criteria: [
        { attribute: "closedBy", operator: "eq", value: "ai", label: "Closed by the AI", whenMissing: "fail" },
      ],
      observationWindowHours: 48,
      defaultUnitPrice: "1.10",
      changeNote: "Missing means not resolved",
    },
  });
  await asAdmin.webhooks.create({ url: "https://hooks.example.com/ledger", events: ["dispute.opened"] });
  await s.asFinance.dashboard.createAlert({ kind: "amount", threshold: "100" });
  const valid = await makeApiKey();
  const revoked = await makeApiKey();
  await asAdmin.apiKeys.revoke({ prefix: revoked.apiKey.prefix });
  return {
    actors: { admin, reviewer: s.reviewer, finance: s.finance, viewer: s.viewer },
    customerId: s.customer.id,
    apiKeys: { valid: valid.key, revoked: revoked.key },
    known: await knownValues(),
  };
}

/** Up to 20 values of every uuid column, and the keys requests name things by. */
async function knownValues(): Promise<FuzzWorld["known"]> {
  const client = new pg.Client({ connectionString: ownerUrl() });
  await client.connect();
  try {
    const values = async (sql: string) => (await client.query<{ v: string }>(sql)).rows.map((r) => r.v);
    const columns = await client.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type = 'uuid' ORDER BY table_name, column_name`,
    );
    const uuids = new Set<string>();
    for (const { table_name, column_name } of columns.rows) {
      const sql = `SELECT DISTINCT "${column_name}"::text AS v FROM "${table_name}" WHERE "${column_name}" IS NOT NULL LIMIT 20`;
      for (const v of await values(sql)) uuids.add(v);
    }
    const texts = [
      ...(await values(`SELECT "externalId" AS v FROM customer`)),
      ...(await values(`SELECT key AS v FROM outcome_definition`)),
      ...(await values(`SELECT "eventId" AS v FROM ingest_event LIMIT 20`)),
      ...(await values(`SELECT prefix AS v FROM api_key`)),
      ...(await values(`SELECT email AS v FROM app_user`)),
      ...["USD", "EUR", "JPY", "UTC", "Europe/Berlin", "1", "2", "3", "0.99", "not_resolved"],
    ];
    return { uuids: [...uuids], texts };
  } finally {
    await client.end();
  }
}
