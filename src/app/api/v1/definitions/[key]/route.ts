import { apiRoute } from "@/server/api/api-route";
import { getOneDefinition } from "@/server/api/definitions";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getOneDefinition);
