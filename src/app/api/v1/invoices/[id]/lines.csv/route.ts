import { apiRoute } from "@/server/api/api-route";
import { downloadInvoice } from "@/server/api/invoices";

export const dynamic = "force-dynamic";

export const GET = apiRoute(downloadInvoice("lines.csv"));
