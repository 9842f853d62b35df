// A signed-in user's CSV of the outcomes explorer's filtered set (or the selected rows): the
// same filters as the page's URL, the customer the portal shows, streamed page by page.

import { downloadOutcomesCsv } from "@/server/api/outcomes-csv";
import { sessionRoute } from "@/server/api/session-route";

export const dynamic = "force-dynamic";

export const GET = sessionRoute(downloadOutcomesCsv);
