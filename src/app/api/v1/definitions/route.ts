import { apiRoute } from "@/server/api/api-route";
import { getDefinitions } from "@/server/api/definitions";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getDefinitions);
