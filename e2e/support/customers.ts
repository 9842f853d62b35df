import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, type Page } from "./test";

/**
 * A customer of this test alone, created through the REST API with a fresh key made on the
 * settings page (so the page must be signed in as an admin). Named to sort after the demo
 * customers, so the portal's default customer stays the same.
 */
export async function createCustomer(page: Page, request: APIRequestContext, purpose: string) {
  const suffix = randomUUID().slice(0, 8);
  await page.goto("/settings");
  await page.getByLabel("Key name").fill(`${purpose} e2e ${suffix}`);
  await page.getByRole("button", { name: "Create key" }).click();
  const key = await page.getByLabel("New API key").inputValue();
  const name = `Vandelay Industries ${suffix}`;
  const response = await request.put(`/api/v1/customers/vandelay-${suffix}`, {
    headers: { authorization: `Bearer ${key}` },
    data: { name, currency: "USD", timezone: "UTC" },
  });
  expect(response.status()).toBe(201);
  return name;
}
