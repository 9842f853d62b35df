import { apiRoute } from "@/server/api/api-route";
import { downloadCreditNote } from "@/server/api/credit-notes";

export const dynamic = "force-dynamic";

export const GET = apiRoute(downloadCreditNote);
