import { apiRoute } from "@/server/api/api-route";
import { postWalletGrant } from "@/server/api/wallet";

export const dynamic = "force-dynamic";

export const POST = apiRoute(postWalletGrant);
