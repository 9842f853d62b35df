import { apiRoute } from "@/server/api/api-route";
import { getAttempts } from "@/server/api/attempts";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getAttempts);
