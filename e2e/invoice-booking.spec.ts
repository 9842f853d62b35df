// What an accounts-payable team books an invoice by, on the invoice page, at desktop and phone
// widths: dates in the customer's time zone (Globex: New York), terms, both parties' legal
// details, the PO number, payments, and credit notes as documents.
import { signIn } from "./support/sign-in";
import { expect, type Page, test } from "./support/test";

const SHOTS = process.env.E2E_SHOTS_DIR;

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function openInvoice(page: Page, status: "Finalized" | "Draft") {
  await page.goto("/invoices");
  const invoices = page.getByRole("table", { name: /^Invoices of Globex Corporation/ });
  await invoices.getByRole("row").filter({ hasText: status }).first().getByRole("link").click();
}

for (const width of [1440, 390]) {
  test(`a Globex finance user books a finalized invoice in New York time at ${width} px`, async ({ page }) => {
    await signIn(page, "finance@globex.example");
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await openInvoice(page, "Finalized");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^INV-/);
    const details = page.getByRole("region", { name: "Billing details" });
    await expect(details).toContainText("Issue date");
    await expect(details).toContainText("Net 30");
    await expect(details).toContainText("(UTC calendar month)");
    await expect(details).toContainText(/Dispute by.*\d{4}, \d{1,2}:\d\d [AP]M E[SD]T/);
    await expect(details).toContainText("Times are in America/New_York, the customer's time zone.");
    await expect(details.getByRole("region", { name: "From" })).toContainText("Acme Support AI, Inc.");
    const billTo = details.getByRole("region", { name: "Bill to" });
    await expect(billTo).toContainText("Globex Corporation Inc.");
    await expect(billTo).toContainText("Tax ID: US EIN 13-1234567");
    await expect(page.getByTestId("payment-status").first()).toHaveText(/^(Open|Paid|Overdue)$/);
    // No time on the page is the server's UTC with seconds any more.
    await expect(page.locator("main")).not.toContainText(/\d:\d\d:\d\d [AP]M UTC/);
    // A finalized invoice's PO number is read only.
    await expect(page.getByLabel("Your PO number")).toHaveCount(0);
    await shot(page, `finance-finalized-${width}`);

    await openInvoice(page, "Draft");
    await expect(page.getByRole("status").filter({ hasText: "Draft" })).toContainText(
      /finalized with its number on \w{3} \d{1,2}, \d{4}, \d{1,2}:\d\d [AP]M E[SD]T/,
    );
    await page.getByLabel("Your PO number").fill(`PO-${width}`);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText(`PO number PO-${width} saved.`)).toBeVisible();
    await expect(page.getByLabel("Your PO number")).toHaveValue(`PO-${width}`);
    await shot(page, `finance-draft-${width}`);
  });
}

for (const width of [1440, 390]) {
  test(`a finance user opens a credit note as a document in Chicago time at ${width} px`, async ({ page }) => {
    // Initech's demo has a dispute settled on a finalized invoice, hence a credit note.
    await signIn(page, "finance@initech.example");
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.goto("/credit-notes");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Credit notes");
    await expect(page.locator("main")).toContainText(/issued \w{3} \d{1,2}, \d{4}, \d{1,2}:\d\d [AP]M C[SD]T/);
    await page.getByRole("link", { name: /^CN-/ }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Credit note CN-/);
    await expect(page.getByRole("link", { name: /^Download PDF of CN-/ })).toHaveAttribute(
      "href",
      /\/api\/portal\/credit-notes\/[0-9a-f-]{36}\/credit-note\.pdf$/,
    );
    await expect(page.getByRole("region", { name: "Credit to" })).toContainText("Initech LLC");
    await expect(page.getByRole("region", { name: "From" })).toContainText("Tax ID: US EIN 94-3456789");
    await shot(page, `finance-credit-note-${width}`);
  });
}

for (const width of [1440, 390]) {
  test(`an admin records a partial payment and is refused an over-payment at ${width} px`, async ({ page }) => {
    await signIn(page, "admin@acme-support.ai");
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await openInvoice(page, "Finalized");
    const payments = page.getByRole("region", { name: "Payments" });
    await payments.getByRole("button", { name: "Record payment" }).click();
    await page.getByLabel("Amount received").fill("99999999");
    await page.getByLabel("Received on").fill("2026-01-02");
    await page.getByRole("form", { name: "Record a payment" }).getByRole("button", { name: "Record payment" }).click();
    await expect(page.getByLabel("Amount received")).toHaveAccessibleDescription(/^At most \$[\d,]+\.\d\d\.$/);
    await page.getByLabel("Amount received").fill("0.01");
    await page.getByRole("form", { name: "Record a payment" }).getByRole("button", { name: "Record payment" }).click();
    await expect(payments).toContainText("Received Jan 2, 2026");
    await expect(payments).toContainText("$0.01");
    await expect(payments).toContainText(/Recorded .* E[SD]T by Ada/);
    await expect(page.getByRole("region", { name: "Billing details" })).toContainText(/\$0\.0\d paid/);
    await shot(page, `admin-finalized-${width}`);
  });
}

test("the invoice list shows each invoice's due date and payment status as the invoice does", async ({ page }) => {
  await signIn(page, "finance@globex.example");
  await page.goto("/invoices");
  const invoices = page.getByRole("table", { name: /^Invoices of Globex Corporation/ });
  const finalized = invoices.getByRole("row").filter({ hasText: "Finalized" }).first();
  const status = (await finalized.getByTestId("payment-status").textContent()) ?? "";
  expect(status).toMatch(/^(Open|Paid|Overdue|Void)$/);
  const cells = await finalized.getByRole("cell").allTextContents();
  await finalized.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^INV-/);
  const due = (await page.getByTestId("due-date").textContent()) ?? "";
  expect(due).toMatch(/^\w{3} \d{1,2}, \d{4}$/);
  expect(cells).toContain(due);
  await expect(page.getByTestId("payment-status").first()).toHaveText(status);

  // A draft is not a request for payment: it says when it will be finalized instead.
  await page.goto("/invoices");
  const draft = invoices.getByRole("row").filter({ hasText: "Draft" }).first();
  await expect(draft).toContainText(/Finalizes \w{3} \d{1,2}, \d{4}/);
  await expect(draft.getByTestId("payment-status")).toHaveCount(0);
});
