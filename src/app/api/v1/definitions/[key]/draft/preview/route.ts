import { apiRoute } from "@/server/api/api-route";
import { postDraftPreview } from "@/server/api/definitions";

export const dynamic = "force-dynamic";

export const POST = apiRoute(postDraftPreview);
