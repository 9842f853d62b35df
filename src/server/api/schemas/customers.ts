// The customer resource of REST v1: what requests send and responses carry. The OpenAPI
// document is generated from these schemas, so they are the contract.
import { z } from "zod";
import { text } from "@/server/input-rules";
import { CustomerFields } from "@/server/services/customers/customer-fields";

/** PUT /api/v1/customers/{externalId}: the external id comes from the path. */
export const CustomerBody = CustomerFields.omit({ externalId: true });
export type CustomerBody = z.output<typeof CustomerBody>;

export const CustomerPathParams = z.object({ externalId: CustomerFields.shape.externalId });

export const CustomerListQuery = z.object({
  limit: z.coerce
    .number("Give the page size as a number.")
    .int("Give the page size as a whole number.")
    .min(1, "Ask for at least 1 customer per page.")
    .max(200, "Ask for at most 200 customers per page.")
    .default(100),
  after: text().trim().min(1).max(100).optional(),
});

export const Customer = z.object({
  id: z.uuid(),
  externalId: z.string(),
  name: z.string(),
  currency: z.string().length(3),
  timezone: z.string(),
  legalName: z.string().nullable(),
  address: z.string().nullable(),
  taxId: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Customer = z.infer<typeof Customer>;

export const CustomerList = z.object({
  data: z.array(Customer),
  /** Pass as `after` to get the next page; null on the last page. */
  nextAfter: z.string().nullable(),
});
export type CustomerList = z.infer<typeof CustomerList>;

export function toCustomer(row: {
  id: string;
  externalId: string;
  name: string;
  currency: string;
  timezone: string;
  legalName: string | null;
  address: string | null;
  taxId: string | null;
  createdAt: Date;
  updatedAt: Date;
}): Customer {
  return {
    id: row.id,
    externalId: row.externalId,
    name: row.name,
    currency: row.currency,
    timezone: row.timezone,
    legalName: row.legalName,
    address: row.address,
    taxId: row.taxId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
