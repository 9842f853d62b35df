// The invoice as the booking components read it: the portal's invoice procedure's answer.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type Invoice = inferRouterOutputs<AppRouter>["invoices"]["byId"];

export type InvoiceBookingView = Pick<Invoice, "id" | "currency" | "periodStart" | "periodEnd" | "booking">;
