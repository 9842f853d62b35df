// Browsers ask every site for /favicon.ico; it is served from the top-level public/ folder
// (a 404 cost every page a failed request and a Lighthouse warning).
import { expect, test } from "./support/test";

test("the portal serves its favicon", async ({ request }) => {
  const response = await request.get("/favicon.ico");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
  expect((await response.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0])); // the ICO signature
});
