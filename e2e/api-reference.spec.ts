import { signIn } from "./support/sign-in";
import { expect, test } from "./support/test";

test("an admin reads the API reference and downloads the OpenAPI document it is rendered from", async ({
  page,
  request,
}) => {
  await signIn(page, "admin@acme-support.ai");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API reference" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();

  await expect(page.getByRole("heading", { name: "POST /api/v1/events", exact: true })).toBeVisible();
  await expect(page.getByRole("table", { name: "Request body of POST /api/v1/events", exact: true })).toContainText(
    "events[].evidence[].title",
  );
  await expect(page.getByText("Authorization: Bearer $OUTCOME_LEDGER_KEY").first()).toBeVisible();

  // The request fixture carries no session cookie: the document is public.
  const href = await page.getByRole("link", { name: "Download openapi.json" }).getAttribute("href");
  const response = await request.get(href ?? "");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  const document = await response.json();
  expect(document.openapi).toBe("3.1.0");
  expect(document.paths["/api/v1/events"].post.operationId).toBe("ingestEvents");
});

test("a reviewer finds the API reference in the navigation", async ({ page }) => {
  await signIn(page, "reviewer@acme-support.ai");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API reference" }).click();
  await expect(page.getByRole("heading", { name: "GET /api/v1/attempts/{id}", exact: true })).toBeVisible();
});

test("a customer user who types /api-reference is refused", async ({ page }) => {
  await signIn(page, "finance@globex.example");
  await page.goto("/api-reference");
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
});
