// What the benchmark needs in the database, made through the app's own use cases: an API
// key, a customer of its own and a published definition (4 criteria, 72-hour window), so the
// counts afterwards see nothing of the demo data.
import type { Actor } from "../../src/domain/actor";
import { createApiKey } from "../../src/server/services/api-keys/create-api-key";
import { upsertCustomer } from "../../src/server/services/customers/upsert-customer";
import { createDefinition } from "../../src/server/services/definitions/create-definition";
import { publishDefinitionVersion } from "../../src/server/services/definitions/publish-definition-version";

export const benchActor: Actor = { kind: "system", job: "bench" };

export interface BenchFixture {
  apiKey: string;
  apiKeyId: string;
  customerId: string;
  customerExternalId: string;
  definitionId: string;
  definitionKey: string;
}

export async function createFixture(tag: string): Promise<BenchFixture> {
  const { apiKey, key } = await createApiKey({ actor: benchActor, input: { name: `bench ${tag}` } });
  const { customer } = await upsertCustomer({
    actor: benchActor,
    input: { externalId: `bench-${tag}`, name: `Bench customer ${tag}`, currency: "USD", timezone: "UTC" },
  });
  const definitionKey = `bench_${tag.replaceAll("-", "_")}`;
  const { definition } = await createDefinition({
    actor: benchActor,
    input: {
      key: definitionKey,
      name: "Ticket resolved (benchmark)",
      unitLabel: "resolved conversation",
      firstVersion: {
        criteria: [
          { attribute: "closedBy", operator: "eq", value: "ai", label: "Closed by the AI", whenMissing: "pending" },
          { attribute: "reopened", operator: "is_false", label: "Not reopened within 72 hours", whenMissing: "pass" },
          { attribute: "csat", operator: "gte", value: 4, label: "CSAT 4 or more when rated", whenMissing: "pass" },
          {
            attribute: "aiShare",
            operator: "gte",
            value: 0.5,
            label: "The AI did most of the work",
            whenMissing: "pass",
          },
        ],
        observationWindowHours: 72,
        defaultUnitPrice: "0.99",
        changeNote: "Benchmark definition",
      },
    },
  });
  await publishDefinitionVersion({
    actor: benchActor,
    input: { definitionKey, number: 1, effectiveFrom: new Date(Date.now() - 7 * 24 * 3_600_000) },
  });
  return {
    apiKey: key,
    apiKeyId: apiKey.id,
    customerId: customer.id,
    customerExternalId: customer.externalId,
    definitionId: definition.id,
    definitionKey,
  };
}
