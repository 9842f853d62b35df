// A signed-in user's download from the portal: the session's actor, the same scoped use case as REST v1.
import { downloadCreditNote } from "@/server/api/credit-notes";
import { sessionRoute } from "@/server/api/session-route";

export const dynamic = "force-dynamic";

export const GET = sessionRoute(downloadCreditNote);
