import { apiRoute } from "@/server/api/api-route";
import { listCustomers } from "@/server/api/customers";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listCustomers);
