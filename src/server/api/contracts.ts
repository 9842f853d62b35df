// REST v1 contracts: the provider's back office creates a customer's next contract version
// and reads the one in force with its history.
import { currencyPrecision, toMajorUnits } from "@/domain/money";
import { getContractHistory } from "@/server/services/contracts/contract-history";
import { ContractTermsInput } from "@/server/services/contracts/contract-schema";
import { createContractVersion } from "@/server/services/contracts/create-contract-version";
import { getCommitment as loadCommitment } from "@/server/services/contracts/get-commitment";
import { getCustomerByExternalId } from "@/server/services/customers/find-customers";
import type { ApiHandler } from "./api-route";
import { parseInput, readJsonBody } from "./request";
import { json } from "./response";
import { type CommitmentStanding, type ContractVersions, toContractBody } from "./schemas/contracts";
import { CustomerPathParams } from "./schemas/customers";

/** Contract terms are a few kilobytes; anything near this is a mistake. */
const MAX_CONTRACT_BODY_BYTES = 1_048_576;

type CustomerPath = { externalId: string };

export const postContract: ApiHandler<CustomerPath> = async ({ actor, request, params }) => {
  const { externalId } = parseInput(CustomerPathParams, params);
  const terms = parseInput(ContractTermsInput, await readJsonBody(request, MAX_CONTRACT_BODY_BYTES));
  const customer = await getCustomerByExternalId({ actor, externalId });
  const contract = await createContractVersion({ actor, customerId: customer.id, input: terms });
  return json(toContractBody(contract), 201, {
    location: `/api/v1/customers/${encodeURIComponent(externalId)}/contract`,
  });
};

export const getContract: ApiHandler<CustomerPath> = async ({ actor, params }) => {
  const { externalId } = parseInput(CustomerPathParams, params);
  const customer = await getCustomerByExternalId({ actor, externalId });
  const { current, versions } = await getContractHistory({ actor, customerId: customer.id });
  return json({
    customer: externalId,
    current: current && toContractBody(current),
    versions: versions.map(toContractBody),
  } satisfies typeof ContractVersions._output);
};

export const getCommitment: ApiHandler<CustomerPath> = async ({ actor, params }) => {
  const { externalId } = parseInput(CustomerPathParams, params);
  const customer = await getCustomerByExternalId({ actor, externalId });
  const c = await loadCommitment({ actor, customerId: customer.id });
  const money = (minor: bigint) => (c ? toMajorUnits(minor, c.currency).toFixed(currencyPrecision(c.currency)) : "");
  return json({
    customer: externalId,
    commitment: c && {
      contractVersion: c.contractVersion,
      currency: c.currency,
      startMonth: c.startMonth,
      endMonth: c.lastPeriod.toISOString().slice(0, 7),
      months: c.months,
      committed: money(c.committedMinor),
      consumed: money(c.consumedMinor),
      remaining: money(c.remainingMinor),
      monthsLeft: c.monthsLeft,
      projectedShortfall: money(c.projectedShortfallMinor),
    },
  } satisfies typeof CommitmentStanding._output);
};
