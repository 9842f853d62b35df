import { apiRoute } from "@/server/api/api-route";
import { postVoid } from "@/server/api/events";

export const dynamic = "force-dynamic";

export const POST = apiRoute(postVoid);
