// A finalized invoice locked for booking (payments, void) within the actor's scope, with
// what has been credited and paid so far. Two payments at once queue on the row lock, so
// "never above what is outstanding" holds.
import { customerScopeOf, scopedToCustomer } from "@/domain/access/customer-scope";
import type { Actor } from "@/domain/actor";
import { walletAppliedMinor } from "@/domain/wallet/wallet";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";

export interface BookedInvoice {
  id: string;
  customerId: string;
  number: string;
  currency: string;
  netDueMinor: bigint;
  /** What prepaid credits still pay of it (drawn at finalization, less what credit notes gave back). */
  walletMinor: bigint;
  paidMinor: bigint;
  paymentCount: number;
  voided: boolean;
}

export async function lockBookedInvoice(tx: Tx, actor: Actor, invoiceId: string): Promise<BookedInvoice> {
  const scope = scopedToCustomer(customerScopeOf(actor));
  const visible = await tx.invoice.findFirst({ where: { id: invoiceId, ...scope }, select: { id: true } });
  if (!visible) throw AppError.notFound("The invoice");
  await tx.$queryRaw`SELECT "id" FROM invoice WHERE "id" = ${invoiceId}::uuid FOR UPDATE`;
  const invoice = await tx.invoice.findUniqueOrThrow({
    where: { id: invoiceId },
    include: {
      creditNotes: { select: { amountMinor: true } },
      payments: { select: { amountMinor: true } },
      voided: { select: { invoiceId: true } },
    },
  });
  if (invoice.status !== "finalized") {
    throw new AppError("CONFLICT", "A draft is not a bill yet: payments and voids apply to finalized invoices only.");
  }
  const credited = invoice.creditNotes.reduce((s, c) => s + c.amountMinor, 0n);
  return {
    id: invoice.id,
    customerId: invoice.customerId,
    number: invoice.number!,
    currency: invoice.currency,
    netDueMinor: invoice.totalMinor! - credited,
    walletMinor: walletAppliedMinor(invoice.walletDrawnMinor, invoice.totalMinor! - credited),
    paidMinor: invoice.payments.reduce((s, p) => s + p.amountMinor, 0n),
    paymentCount: invoice.payments.length,
    voided: invoice.voided !== null,
  };
}
