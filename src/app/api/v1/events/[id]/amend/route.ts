import { apiRoute } from "@/server/api/api-route";
import { postAmendment } from "@/server/api/events";

export const dynamic = "force-dynamic";

export const POST = apiRoute(postAmendment);
