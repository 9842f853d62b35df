import { apiRoute } from "@/server/api/api-route";
import { postContract } from "@/server/api/contracts";

export const dynamic = "force-dynamic";

export const POST = apiRoute(postContract);
