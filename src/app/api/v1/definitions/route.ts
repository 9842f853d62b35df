import { apiRoute } from "@/server/api/api-route";
import { getDefinitions, postDefinition } from "@/server/api/definitions";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getDefinitions);
export const POST = apiRoute(postDefinition);
