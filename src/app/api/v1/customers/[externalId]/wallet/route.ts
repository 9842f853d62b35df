import { apiRoute } from "@/server/api/api-route";
import { getCustomerWallet } from "@/server/api/wallet";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getCustomerWallet);
