import { apiRoute } from "@/server/api/api-route";
import { getContract } from "@/server/api/contracts";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getContract);
