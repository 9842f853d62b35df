import { apiRoute } from "@/server/api/api-route";
import { putDraft } from "@/server/api/definitions";

export const dynamic = "force-dynamic";

export const PUT = apiRoute(putDraft);
