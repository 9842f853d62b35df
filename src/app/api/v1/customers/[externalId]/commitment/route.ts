import { apiRoute } from "@/server/api/api-route";
import { getCommitment } from "@/server/api/contracts";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getCommitment);
