import { apiRoute } from "@/server/api/api-route";
import { postPayment } from "@/server/api/invoices";

export const dynamic = "force-dynamic";

export const POST = apiRoute(postPayment);
