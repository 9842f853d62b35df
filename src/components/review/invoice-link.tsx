"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { useTRPC } from "@/lib/trpc";

/**
 * A link from the review queue to a customer's invoice: staff's Billing pages show one customer
 * at a time, so the link first switches to the dispute's customer, then opens the invoice.
 */
export function InvoiceLink({
  customerId,
  invoiceId,
  children,
}: {
  customerId: string;
  invoiceId: string;
  children: ReactNode;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const view = useMutation(trpc.customers.view.mutationOptions());
  const href = `/invoices/${invoiceId}`;
  return (
    <a
      href={href}
      onClick={(event) => {
        event.preventDefault();
        view.mutate({ customerId }, { onSuccess: () => router.push(href) });
      }}
      className="font-medium underline"
    >
      {children}
    </a>
  );
}
