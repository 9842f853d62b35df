import { apiRoute } from "@/server/api/api-route";
import { getAttempt } from "@/server/api/attempts";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getAttempt);
