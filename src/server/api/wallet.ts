// REST v1 wallet: the provider's back office reads a customer's prepaid credits and grants or
// tops them up.
import { getCustomerByExternalId } from "@/server/services/customers/find-customers";
import { getWallet } from "@/server/services/wallet/get-wallet";
import { grantWalletCredit } from "@/server/services/wallet/grant-wallet-credit";
import type { ApiHandler } from "./api-route";
import { parseInput, readJsonBody } from "./request";
import { json } from "./response";
import { CustomerPathParams } from "./schemas/customers";
import { toWalletBody, WalletGrantRequest } from "./schemas/wallet";

/** A grant is a few hundred bytes; anything near this is a mistake. */
const MAX_GRANT_BODY_BYTES = 65_536;

type CustomerPath = { externalId: string };

export const getCustomerWallet: ApiHandler<CustomerPath> = async ({ actor, params }) => {
  const { externalId } = parseInput(CustomerPathParams, params);
  const customer = await getCustomerByExternalId({ actor, externalId });
  return json(toWalletBody(await getWallet({ actor, customerId: customer.id }), externalId));
};

/** Grants or tops up; answers the wallet as it stands after (201). */
export const postWalletGrant: ApiHandler<CustomerPath> = async ({ actor, request, params }) => {
  const data = await readJsonBody(request, MAX_GRANT_BODY_BYTES);
  const { externalId } = parseInput(CustomerPathParams, params);
  const body = parseInput(WalletGrantRequest, data);
  const customer = await getCustomerByExternalId({ actor, externalId });
  await grantWalletCredit({ actor, input: { ...body, customerId: customer.id } });
  const wallet = await getWallet({ actor, customerId: customer.id });
  return json(toWalletBody(wallet, externalId), 201, {
    location: `/api/v1/customers/${encodeURIComponent(externalId)}/wallet`,
  });
};
