import { apiRoute } from "@/server/api/api-route";
import { postEvents } from "@/server/api/events";

export const dynamic = "force-dynamic";

export const POST = apiRoute(postEvents);
