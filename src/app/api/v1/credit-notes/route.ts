import { apiRoute } from "@/server/api/api-route";
import { getCreditNotes, postCreditNote } from "@/server/api/credit-notes";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getCreditNotes);
export const POST = apiRoute(postCreditNote);
