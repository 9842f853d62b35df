import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as outcomesCsv } from "@/app/api/portal/outcomes.csv/route";
import { currentActor } from "@/server/auth/current-actor";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { ATTEMPTS_CSV_HEADER } from "@/server/services/attempts/export-attempts-csv";
import { ingestEvents } from "@/server/services/ingestion/ingest-events";
import { routeParams } from "../support/api-keys";
import { callerFor, makeCustomer, makeDefinition, makeUser, testActor, uniqueId } from "../support/fixtures";

// The session is next-auth's cookie; here the actor it would resolve to is set directly.
vi.mock(import("@/server/auth/current-actor"), async (original) => ({ ...(await original()), currentActor: vi.fn() }));

type Finance = Awaited<ReturnType<typeof makeUser>>;
type ListInput = Parameters<ReturnType<typeof callerFor>["outcomes"]["list"]>[0];

const HOUR = 3_600_000;
const now = clock.now().getTime();

/** Sends one event per subject: `ai` closes make billable outcomes once the window has closed. */
async function send(customer: string, definition: string, subjects: string[], start: Date, closedBy: "ai" | "human") {
  await ingestEvents({
    actor: testActor,
    items: subjects.map((subject, i) => ({
      id: uniqueId("evt"),
      customer,
      definition,
      subject,
      occurredAt: new Date(start.getTime() + i * 7 * HOUR).toISOString(),
      attributes: { closedBy },
    })),
  });
}

async function walk(finance: Finance, input: ListInput) {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await callerFor(finance).outcomes.list({ ...input, cursor });
    ids.push(...page.attempts.map((a) => a.id));
    cursor = page.nextCursor ?? undefined;
    pages++;
  } while (cursor);
  return { ids, pages };
}

describe("the outcomes explorer", () => {
  let initech: Awaited<ReturnType<typeof makeCustomer>>;
  let globex: Awaited<ReturnType<typeof makeCustomer>>;
  let closed: string;
  let open: string;
  let initechFinance: Finance;
  let globexFinance: Finance;

  const direct = (where: object, order: "asc" | "desc" = "desc") =>
    db()
      .attempt.findMany({
        where: { customerId: initech.id, ...where },
        orderBy: [{ occurredAt: order }, { id: order }],
        select: { id: true },
      })
      .then((rows) => rows.map((r) => r.id));

  beforeAll(async () => {
    [initech, globex] = await Promise.all([makeCustomer("Initech"), makeCustomer("Globex")]);
    closed = (await makeDefinition({ windowHours: 0 })).key;
    open = (await makeDefinition({ windowHours: 72 })).key;
    const range = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(2, "0")}`);
    await send(initech.externalId, closed, range("INV-1", 14), new Date("2026-09-20T00:00:00Z"), "ai");
    await send(initech.externalId, closed, range("INV-2", 9), new Date("2026-10-02T05:00:00Z"), "human");
    await send(initech.externalId, closed, ["A_B-1", "AXB-1", "=SUM(1)"], new Date("2026-10-15T12:00:00Z"), "ai");
    await send(initech.externalId, open, range("LEAD-", 5), new Date(now - 20 * HOUR), "ai");
    await send(globex.externalId, closed, range("INV-1", 6), new Date("2026-09-25T00:00:00Z"), "ai");
    [initechFinance, globexFinance] = await Promise.all([
      makeUser("finance", initech.id),
      makeUser("finance", globex.id),
    ]);
  });

  it("combines period, definition, status and date range like the equivalent direct query", async () => {
    const cases: [ListInput, object][] = [
      [{ status: "billable" }, { status: "billable" }],
      [{ period: "2026-10" }, { occurredAt: { gte: new Date("2026-10-01"), lt: new Date("2026-11-01") } }],
      [
        { definition: closed, status: "not_billable", from: "2026-10-03", to: "2026-10-05" },
        {
          definition: { key: closed },
          status: "not_billable",
          occurredAt: { gte: new Date("2026-10-03"), lt: new Date("2026-10-05") },
        },
      ],
      [
        { period: "2026-09", from: "2026-09-22" },
        { occurredAt: { gte: new Date("2026-09-22"), lt: new Date("2026-10-01") } },
      ],
      [
        { definition: open, status: "pending" },
        { definition: { key: open }, status: "pending" },
      ],
      [
        { status: "billable", subjectPrefix: "INV-1" },
        { status: "billable", subject: { startsWith: "INV-1" } },
      ],
    ];
    for (const [input, where] of cases) {
      const expected = await direct(where);
      expect(expected.length, JSON.stringify(input)).toBeGreaterThan(0);
      expect((await walk(initechFinance, { ...input, limit: 500 })).ids, JSON.stringify(input)).toEqual(expected);
      const { count, capped } = await callerFor(initechFinance).outcomes.count(input);
      expect({ count, capped }, JSON.stringify(input)).toEqual({ count: expected.length, capped: false });
    }
  });

  it("pages by keyset in both orders without repeating or skipping a row", async () => {
    for (const sort of ["newest", "oldest"] as const) {
      const { ids, pages } = await walk(initechFinance, { sort, limit: 4 });
      expect(pages).toBeGreaterThan(5);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(await direct({}, sort === "newest" ? "desc" : "asc"));
    }
  });

  it("searches subjects by prefix, treating _ and % as plain characters", async () => {
    const subjects = async (subjectPrefix: string) =>
      (await callerFor(initechFinance).outcomes.list({ subjectPrefix })).attempts.map((a) => a.subject).sort();
    expect(await subjects("A_B")).toEqual(["A_B-1"]);
    expect(await subjects("INV-2")).toHaveLength(9);
    expect(await subjects("%")).toEqual([]);
    expect(await subjects("lead")).toEqual([]);
  });

  it("gives a Globex finance user nothing of Initech, by any filter, cursor or count", async () => {
    const initechIds = new Set(await direct({}));
    const inputs: ListInput[] = [{}, { status: "billable" }, { subjectPrefix: "INV-1" }, { period: "2026-09" }];
    for (const input of inputs) {
      const { ids } = await walk(globexFinance, { ...input, limit: 2 });
      expect(ids.some((id) => initechIds.has(id))).toBe(false);
    }
    // A cursor made from Initech's pages only positions the scan; the rows stay Globex's.
    const initechPage = await callerFor(initechFinance).outcomes.list({ limit: 3 });
    const crafted = await callerFor(globexFinance, initech.id).outcomes.list({ cursor: initechPage.nextCursor! });
    expect(crafted.attempts.every((a) => a.customer.externalId === globex.externalId)).toBe(true);
    expect(await callerFor(globexFinance, initech.id).outcomes.count({ subjectPrefix: "LEAD-" })).toEqual({
      count: 0,
      capped: false,
    });
    expect((await callerFor(globexFinance, initech.id).outcomes.count({})).count).toBe(6);
    await expect(callerFor(globexFinance).outcomes.byId({ attemptId: [...initechIds][0]! })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("streams the filtered outcomes as CSV with the expected header", async () => {
    vi.mocked(currentActor).mockResolvedValue(initechFinance);
    const response = await outcomesCsv(
      new Request(`http://localhost/api/portal/outcomes.csv?status=billable&definition=${closed}&sort=oldest&cursor=x`),
      routeParams({}),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="outcomes-/);
    const lines = (await response.text()).trim().split("\n");
    expect(lines[0]).toBe(ATTEMPTS_CSV_HEADER.join(","));
    const expected = await direct({ status: "billable", definition: { key: closed } }, "asc");
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(expected);
    expect(lines.some((l) => l.includes(",'=SUM(1),"))).toBe(true);
  });

  it("exports only the selected rows, and never another customer's", async () => {
    const [mine] = await direct({ status: "billable" });
    const [theirs] = (await db().attempt.findMany({ where: { customerId: globex.id }, select: { id: true } })).map(
      (a) => a.id,
    );
    vi.mocked(currentActor).mockResolvedValue(initechFinance);
    const response = await outcomesCsv(
      new Request(`http://localhost/api/portal/outcomes.csv?ids=${mine},${theirs}`),
      routeParams({}),
    );
    const lines = (await response.text()).trim().split("\n");
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual([mine]);
  });

  it("answers 401 without a session and 400 to a malformed selection", async () => {
    vi.mocked(currentActor).mockResolvedValue(null);
    const anonymous = await outcomesCsv(new Request("http://localhost/api/portal/outcomes.csv"), routeParams({}));
    expect(anonymous.status).toBe(401);
    vi.mocked(currentActor).mockResolvedValue(initechFinance);
    const bad = await outcomesCsv(new Request("http://localhost/api/portal/outcomes.csv?ids=nope"), routeParams({}));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe("VALIDATION_FAILED");
  });
});
