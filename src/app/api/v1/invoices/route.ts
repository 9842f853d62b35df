import { apiRoute } from "@/server/api/api-route";
import { getInvoices } from "@/server/api/invoices";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getInvoices);
