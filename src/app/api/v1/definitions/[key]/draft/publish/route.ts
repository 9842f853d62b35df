import { apiRoute } from "@/server/api/api-route";
import { postDraftPublish } from "@/server/api/definitions";

export const dynamic = "force-dynamic";

export const POST = apiRoute(postDraftPublish);
