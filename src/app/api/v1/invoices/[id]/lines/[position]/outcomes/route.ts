import { apiRoute } from "@/server/api/api-route";
import { getLineOutcomes } from "@/server/api/invoices";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getLineOutcomes);
