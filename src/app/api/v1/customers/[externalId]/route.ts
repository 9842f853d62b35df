import { apiRoute } from "@/server/api/api-route";
import { getCustomer, putCustomer } from "@/server/api/customers";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getCustomer);
export const PUT = apiRoute(putCustomer);
