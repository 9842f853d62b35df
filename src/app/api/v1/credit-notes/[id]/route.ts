import { apiRoute } from "@/server/api/api-route";
import { getCreditNote } from "@/server/api/credit-notes";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getCreditNote);
