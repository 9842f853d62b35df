// A finance or viewer user belongs to a customer that exists: checked in the change's own
// transaction, so that an unknown id is a field error rather than a foreign-key failure.
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";

export async function assertExistingCustomer(tx: Tx, customerId: string | null): Promise<void> {
  if (customerId && !(await tx.customer.findUnique({ where: { id: customerId }, select: { id: true } }))) {
    throw new AppError("VALIDATION_FAILED", "Choose an existing customer.", [
      { path: "customerId", message: "There is no such customer." },
    ]);
  }
}
