// REST v1 customers: the provider's back office lists, reads and upserts customers by the
// external id its own systems use.
import { getCustomerByExternalId, pageCustomers } from "@/server/services/customers/find-customers";
import { upsertCustomer } from "@/server/services/customers/upsert-customer";
import type { ApiHandler } from "./api-route";
import { parseInput, queryOf, readJsonBody } from "./request";
import { json } from "./response";
import { CustomerBody, CustomerListQuery, CustomerPathParams, toCustomer } from "./schemas/customers";

/** Customer bodies are a few hundred bytes; anything near this is a mistake. */
const MAX_CUSTOMER_BODY_BYTES = 1_048_576;

type CustomerPath = { externalId: string };

export const listCustomers: ApiHandler<Record<string, never>> = async ({ actor, request }) => {
  const { limit, after } = parseInput(CustomerListQuery, queryOf(request));
  const page = await pageCustomers({ actor, after, limit });
  return json({ data: page.customers.map(toCustomer), nextAfter: page.nextAfter });
};

export const getCustomer: ApiHandler<CustomerPath> = async ({ actor, params }) => {
  const { externalId } = parseInput(CustomerPathParams, params);
  return json(toCustomer(await getCustomerByExternalId({ actor, externalId })));
};

/** Creates the customer (201) or brings it up to date (200); the same body twice changes nothing. */
export const putCustomer: ApiHandler<CustomerPath> = async ({ actor, request, params }) => {
  const { externalId } = parseInput(CustomerPathParams, params);
  const body = parseInput(CustomerBody, await readJsonBody(request, MAX_CUSTOMER_BODY_BYTES));
  const { customer, created } = await upsertCustomer({ actor, input: { ...body, externalId } });
  if (!created) return json(toCustomer(customer));
  return json(toCustomer(customer), 201, { location: `/api/v1/customers/${encodeURIComponent(externalId)}` });
};
