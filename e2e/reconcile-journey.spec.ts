// Every figure reconciles: one invoice with a cap, a partial dispute credit and a credit note
// reads the same, to the cent, on the customer's dashboard, the invoice page, the PDF, the
// lines CSV and REST v1. The customer is this test's own: ten documents at 1.00 USD capped at
// 9.80 (a cap line of −0.20), finalized, then half of one document credited. Rule 5 prices
// that half against the cap: without it the period costs 9.50, so the credit is 0.30, not 0.50.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { clock } from "../src/server/clock";
import { pdfText } from "../tests/support/pdf-text";
import { signIn } from "./support/sign-in";
import { type APIRequestContext, expect, newPinnedContext, type Page, test } from "./support/test";

const cents = (text: string) => Math.round(Number(text.replace(/[^\d.-]/g, "").replace(/^-?/, "")) * 100);

async function trpcMutation<T>(page: Page, path: string, input: unknown): Promise<T> {
  const origin = new URL(page.url()).origin;
  const response = await page.request.post(`/api/trpc/${path}`, { data: { json: input }, headers: { origin } });
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()).result.data.json as T;
}

async function download(page: Page, link: RegExp) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link }).click()]);
  return readFile((await file.path())!);
}

async function restJson<T>(request: APIRequestContext, key: string, path: string): Promise<T> {
  const response = await request.get(path, { headers: { authorization: `Bearer ${key}` } });
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as T;
}

test("an invoice with a cap, a partial credit and a credit note says the same everywhere", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const suffix = randomUUID().slice(0, 8);
  const now = clock.now();
  const periodStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const month = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" }).format(
    periodStart,
  );

  // The provider: an API key, the customer, its contract and ten documents of last month.
  await signIn(page, "admin@acme-support.ai");
  await page.goto("/settings");
  await page.getByLabel("Key name").fill(`Reconcile journey ${suffix}`);
  await page.getByRole("button", { name: "Create key" }).click();
  const key = await page.getByLabel("New API key").inputValue();
  const auth = { authorization: `Bearer ${key}` };
  const externalId = `zz-journey-${suffix}`;
  const name = `Zzz Journey ${suffix}`;
  const created = await request.put(`/api/v1/customers/${externalId}`, {
    headers: auth,
    data: { name, currency: "USD", timezone: "UTC" },
  });
  expect(created.status()).toBe(201);
  const customerId = (await created.json()).id as string;
  const contract = await request.post(`/api/v1/customers/${externalId}/contracts`, {
    headers: auth,
    data: {
      effectiveFrom: periodStart.toISOString(),
      outcomePrices: [{ definitionKey: "document_processed", unitPrice: "1.00" }],
      monthlyCap: "9.80",
      disputeWindowDays: 30,
      graceDays: 60, // the scheduler leaves the draft to the admin
      changeNote: "Documents at 1.00 USD, capped at 9.80 USD a month.",
    },
  });
  expect(contract.status(), await contract.text()).toBe(201);
  const events = Array.from({ length: 10 }, (_, i) => ({
    id: `journey-${suffix}-${i}`,
    customer: externalId,
    definition: "document_processed",
    subject: `DOC-${suffix}-${i}`,
    occurredAt: new Date(periodStart.getTime() + (9 * 24 + i) * 3_600_000).toISOString(),
    attributes: { extractionConfidence: 0.99, fieldsValidated: true, humanCorrections: 0, pages: 2 },
  }));
  const ingested = await request.post("/api/v1/events", { headers: auth, data: { events } });
  expect(ingested.ok(), await ingested.text()).toBe(true);

  // The admin finalizes the ended month.
  await page.goto("/invoices");
  await page.getByLabel("Viewing customer").selectOption({ label: name });
  await expect(page.getByText(`Monthly invoices and credit notes for ${name}.`)).toBeVisible();
  await page.getByRole("link", { name: month }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Draft invoice for ${month}`);
  await page.getByRole("button", { name: "Finalize now" }).click();
  await page.getByRole("button", { name: "Yes, finalize" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^INV-/);
  const number = (await page.getByRole("heading", { level: 1 }).textContent())!;
  const invoiceId = page.url().split("/").at(-1)!;

  // The customer's finance user disputes one document; a reviewer credits half of it.
  const email = `finance-${suffix}@journey.example`;
  const password = `Journey-${suffix}-password`;
  await trpcMutation(page, "users.create", { email, name: "Journey finance", role: "finance", customerId, password });
  const attempts = await restJson<{ data: { id: string; subject: string }[] }>(
    request,
    key,
    `/api/v1/attempts?customer=${externalId}&limit=10`,
  );
  const disputed = attempts.data.find((a) => a.subject.endsWith("-3"))!;
  const financeContext = await newPinnedContext(browser);
  const finance = await financeContext.newPage();
  await signIn(finance, email, password);
  const dispute = await trpcMutation<{ disputeId: string }>(finance, "disputes.open", {
    reason: "human_did_the_work",
    message: "An operator corrected half of this document's fields by hand.",
    scope: { kind: "outcomes", attemptIds: [disputed.id] },
  });
  await trpcMutation(page, "disputes.decide", {
    disputeId: dispute.disputeId,
    attemptIds: [disputed.id],
    kind: "partial",
    percent: "50",
    rationale: "Half of the fields were corrected by an operator.",
    rootCause: "attribution",
  });

  // REST v1: the figures every other surface must show.
  const rest = await restJson<{
    total: string;
    charges: string;
    credited: string;
    disputeCredits: string;
    creditNotesTotal: string;
    netDue: string;
    lines: { kind: string; quantity: string | null; unitPrice: string | null; amount: string }[];
  }>(request, key, `/api/v1/invoices/${invoiceId}`);
  expect(rest).toMatchObject({
    total: "9.80",
    charges: "9.80",
    credited: "0.30",
    disputeCredits: "0.00",
    creditNotesTotal: "0.30",
    netDue: "9.50",
  });
  const cap = rest.lines.find((l) => l.kind === "cap_adjustment")!;
  expect(cap).toMatchObject({ quantity: null, unitPrice: null, amount: "-0.20" });
  expect(rest.lines.find((l) => l.kind === "outcomes")).toMatchObject({
    quantity: "10",
    unitPrice: "1", // a unit price is an exact decimal as the contract states it, not money
    amount: "10.00",
  });

  // The invoice page, as the customer sees it.
  await finance.goto(`/invoices/${invoiceId}`);
  await expect(finance.getByRole("heading", { level: 1 })).toHaveText(number);
  const totals = finance.getByTestId("invoice-totals");
  await expect(totals).toContainText("Charges$9.80");
  await expect(totals.getByTestId("credits")).toHaveText("−$0.30");
  await expect(finance.getByTestId("net-due")).toHaveText("$9.50");
  const capRow = finance.getByRole("table", { name: `Lines of ${number}` }).getByRole("row", { name: /cap/i });
  expect(cents((await capRow.locator("td").last().textContent()) ?? "")).toBe(20);
  await expect(finance.getByRole("region", { name: "Credit notes" })).toContainText("−$0.30");

  // The PDF and the lines CSV downloaded from that page.
  const pdf = pdfText(await download(finance, /^Download PDF of/));
  for (const figure of ["9.80", "0.30", "9.50", "0.20"]) expect(pdf).toContain(figure);
  const csv = (await download(finance, /^Download Lines CSV of/)).toString("utf8").trim().split(/\r?\n/);
  const header = csv[0]!.split(",");
  const amountAt = header.indexOf("amount");
  const rows = csv.slice(1).map((r) => r.split(","));
  const csvCents = rows.map((r) => Math.round(Number(r[amountAt]) * 100));
  expect(csvCents.reduce((s, c) => s + c, 0)).toBe(950); // lines, then the credit note: the net due
  const capCsv = rows.find((r) => r[header.indexOf("kind")] === "cap_adjustment")!;
  expect(capCsv[amountAt]).toBe("-0.20");
  expect(capCsv[header.indexOf("quantity")]).toBe("");
  expect(capCsv[header.indexOf("unit_price")]).toBe("");

  // The dashboard leads with what is owed on that invoice, credits counted the same way.
  await finance.goto("/dashboard");
  const owed = finance.getByTestId("account-owed");
  await expect(owed).toContainText("Amount due$9.50");
  await expect(owed).toContainText(`on invoice ${number}`);
  await expect(owed).toContainText("Invoice total $9.80 less credit notes of $0.30");
  await expect(finance.getByTestId("credits-overall")).toHaveText("$0.30");
  await financeContext.close();
});
