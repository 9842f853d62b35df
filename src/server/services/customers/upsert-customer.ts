// Creates a customer or updates it by its external id, with the audit entry in the same
// transaction.
import type { Actor } from "@/domain/actor";
import { databaseFailureOf, transaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { CustomerFields } from "./customer-fields";

export async function upsertCustomer({ actor, input }: { actor: Actor; input: CustomerFields }) {
  const parsed = CustomerFields.parse(input);
  // Empty legal details clear them; left out, they stay as they are.
  const blankToNull = (value: string | undefined) => (value === undefined ? undefined : value || null);
  const fields = {
    ...parsed,
    legalName: blankToNull(parsed.legalName),
    address: blankToNull(parsed.address),
    taxId: blankToNull(parsed.taxId),
  };
  try {
    return await createOrUpdate(actor, fields);
  } catch (error) {
    // A concurrent PUT created the same new customer between our read and our insert (its
    // providers call this before every batch, from several workers): once more, it is an
    // update or nothing, as the API promises for a repeated PUT.
    if (databaseFailureOf(error)?.sqlState !== "23505") throw error;
    return createOrUpdate(actor, fields);
  }
}

type StoredFields = Omit<CustomerFields, "legalName" | "address" | "taxId"> & {
  legalName?: string | null;
  address?: string | null;
  taxId?: string | null;
};

function createOrUpdate(actor: Actor, fields: StoredFields) {
  return transaction(async (tx) => {
    const before = await tx.customer.findUnique({ where: { externalId: fields.externalId } });
    if (before && LEGAL_AND_PLAIN_FIELDS.every((f) => fields[f] === undefined || fields[f] === before[f])) {
      return { customer: before, created: false, changed: false };
    }
    if (
      before &&
      fields.currency !== before.currency &&
      (await tx.contract.count({ where: { customerId: before.id } })) > 0
    ) {
      // Its contracts, and so its invoices, are in the currency they were signed in.
      throw new AppError("VALIDATION_FAILED", "Some fields are not valid.", [
        {
          path: "currency",
          message: `The currency stays ${before.currency}: ${before.name} has a contract in it, and its invoices are in it.`,
        },
      ]);
    }
    const customer = before
      ? await tx.customer.update({ where: { id: before.id }, data: fields })
      : await tx.customer.create({ data: fields });
    await appendAuditEntry(tx, {
      actor,
      action: before ? "customer.updated" : "customer.created",
      subjectType: "customer",
      subjectId: customer.id,
      customerId: customer.id,
      before: before && pickFields(before),
      after: pickFields(customer),
    });
    return { customer, created: !before, changed: true };
  });
}

const LEGAL_AND_PLAIN_FIELDS = ["name", "currency", "timezone", "legalName", "address", "taxId"] as const;

function pickFields({ externalId, name, currency, timezone, legalName, address, taxId }: StoredFields) {
  return { externalId, name, currency, timezone, legalName, address, taxId };
}
