import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as invoicePdf } from "@/app/api/portal/invoices/[id]/invoice.pdf/route";
import { GET as linesCsv } from "@/app/api/portal/invoices/[id]/lines.csv/route";
import { GET as outcomesCsv } from "@/app/api/portal/invoices/[id]/outcomes.csv/route";
import { currentActor } from "@/server/auth/current-actor";
import { finalizeInvoice } from "@/server/services/invoicing/finalize-invoice";
import { routeParams } from "../support/api-keys";
import { callerFor, makeCustomer, makeUser, testActor } from "../support/fixtures";
import { billedCustomer, invoiceIdFor } from "./billed-period";

// The session is next-auth's cookie; here the actor it would resolve to is set directly.
vi.mock(import("@/server/auth/current-actor"), async (original) => ({ ...(await original()), currentActor: vi.fn() }));
const signedInAs = (actor: Awaited<ReturnType<typeof currentActor>>) =>
  vi.mocked(currentActor).mockResolvedValue(actor);

const download = (route: typeof invoicePdf, invoiceId: string, file: string) =>
  route(new Request(`http://localhost/api/portal/invoices/${invoiceId}/${file}`), routeParams({ id: invoiceId }));

describe("portal invoices", () => {
  let billed: Awaited<ReturnType<typeof billedCustomer>>;
  let invoiceId: string;
  let number: string;
  let owner: Awaited<ReturnType<typeof makeUser>>;
  let outsider: Awaited<ReturnType<typeof makeUser>>;
  let admin: Awaited<ReturnType<typeof makeUser>>;

  beforeAll(async () => {
    billed = await billedCustomer((key) => ({ outcomePrices: [{ definitionKey: key, unitPrice: "1.25" }] }), 4, 3);
    ({ invoiceId, number } = await finalizeInvoice({
      actor: testActor,
      input: { customerId: billed.customer.id, periodStart: billed.period },
    }));
    const other = await makeCustomer();
    [owner, outsider, admin] = await Promise.all([
      makeUser("finance", billed.customer.id),
      makeUser("viewer", other.id),
      makeUser("admin"),
    ]);
  });

  it("answers 401 with the error body to a download without a session", async () => {
    signedInAs(null);
    const response = await download(invoicePdf, invoiceId, "invoice.pdf");
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
  });

  it("answers 404 to a customer user downloading another customer's invoice", async () => {
    signedInAs(outsider);
    for (const [route, file] of [
      [invoicePdf, "invoice.pdf"],
      [linesCsv, "lines.csv"],
      [outcomesCsv, "outcomes.csv"],
    ] as const) {
      const response = await download(route, invoiceId, file);
      expect(response.status, file).toBe(404);
      expect((await response.json()).error.code).toBe("NOT_FOUND");
    }
  });

  it("lets the customer's own users and provider staff download it", async () => {
    for (const actor of [owner, admin]) {
      signedInAs(actor);
      const pdf = await download(invoicePdf, invoiceId, "invoice.pdf");
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get("content-disposition")).toBe(`attachment; filename="${number}.pdf"`);
      const csv = await download(outcomesCsv, invoiceId, "outcomes.csv");
      expect((await csv.text()).trimEnd().split("\n")).toHaveLength(5);
    }
  });

  it("serves the portal's invoices through tRPC, scoped to the customer the portal shows", async () => {
    const mine = callerFor(owner);
    expect((await mine.invoices.list()).map((i) => i.id)).toContain(invoiceId);
    expect(await mine.invoices.byId({ invoiceId })).toMatchObject({ number, totalMinor: 375n });
    const page = await mine.invoices.lineOutcomes({ invoiceId, position: 0, limit: 2 });
    expect(page.outcomes).toHaveLength(2);
    expect(page.nextCursor).not.toBeNull();

    const theirs = callerFor(outsider);
    await expect(theirs.invoices.byId({ invoiceId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(theirs.invoices.lineOutcomes({ invoiceId, position: 0, limit: 2 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // Staff looking at another customer in the switcher do not see this one's invoice there either.
    const staffElsewhere = callerFor(admin, outsider.customerId);
    await expect(staffElsewhere.invoices.byId({ invoiceId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const staffHere = callerFor(admin, billed.customer.id);
    expect(await staffHere.invoices.byId({ invoiceId })).toMatchObject({ id: invoiceId });
  });

  it("lets only admins finalize invoices and issue credit notes", async () => {
    const draftPeriod = new Date(Date.UTC(billed.period.getUTCFullYear(), billed.period.getUTCMonth() + 1, 1));
    const input = { customerId: billed.customer.id, periodStart: draftPeriod };
    await expect(callerFor(owner).invoices.finalize(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const finalized = await callerFor(admin).invoices.finalize(input);
    expect(finalized.invoiceId).toBe(await invoiceIdFor(billed.customer.id, draftPeriod));
    const credit = { invoiceId, amount: "1.00", reason: "Goodwill" };
    await expect(callerFor(owner).invoices.issueCreditNote(credit)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await callerFor(admin).invoices.issueCreditNote(credit)).number).toMatch(/^CN-/);
  });
});
