// GET /api/portal/outcomes.csv?<explorer filters>[&ids=…]: the portal's outcomes as a CSV file.
// The customer is resolved by the same portal procedure the page uses, so a customer user
// always gets their own company and staff the one chosen in the switcher.
import { z } from "zod";
import { filtersFrom, listQueryOf } from "@/lib/outcome-filters";
import { clock } from "@/server/clock";
import { exportAttemptsCsv } from "@/server/services/attempts/export-attempts-csv";
import { VIEWED_CUSTOMER_COOKIE } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { parseInput } from "./request";
import type { SessionHandler } from "./session-route";

/** At most one page of selected rows travels in the URL; larger sets are exported by filter. */
const SelectedIds = z.array(z.uuid()).max(500, "Select at most 500 rows, or export the whole filter.");

export const downloadOutcomesCsv: SessionHandler<Record<string, never>> = async ({ actor, request }) => {
  const url = new URL(request.url);
  const ids = url.searchParams.has("ids")
    ? parseInput(SelectedIds, url.searchParams.get("ids")?.split(",").filter(Boolean) ?? [])
    : undefined;
  const viewedCustomerId = cookieValue(request.headers.get("cookie"), VIEWED_CUSTOMER_COOKIE);
  const customer = await createCaller({ actor, viewedCustomerId, resHeaders: null }).session.viewedCustomer();
  const { cursor: _cursor, ...filters } = filtersFrom(url.searchParams);
  const body = exportAttemptsCsv({ actor, customerId: customer.id, query: listQueryOf(filters), ids });
  const day = clock.now().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="outcomes-${day}.csv"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
};

function cookieValue(header: string | null, name: string): string | null {
  for (const part of header?.split(";") ?? []) {
    const [key, ...rest] = part.trim().split("=");
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join("="));
    } catch {
      return null; // Not one this app set; the portal then shows its default customer.
    }
  }
  return null;
}
