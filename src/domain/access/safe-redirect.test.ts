import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_REDIRECT_LENGTH, safeRedirectPath } from "./safe-redirect";

const ORIGIN = "https://billing.example.com";

/** Values a browser would follow to another site, or to a script, if passed through as text. */
const HOSTILE = [
  "//evil.example",
  "//evil.example/x",
  "///evil.example",
  "/\\evil.example/x",
  "\\\\evil.example",
  "\\/evil.example",
  "/\\/evil.example",
  "/\t/evil.example/x",
  "/\n/evil.example/x",
  "/\r\n/evil.example",
  "\t//evil.example",
  " //evil.example",
  "/.//evil.example",
  "/./\\evil.example",
  "https://evil.example",
  "https://evil.example/dashboard",
  "http://billing.example.com/dashboard", // another scheme is another origin
  "https://billing.example.com:8443/x",
  "https://billing.example.com@evil.example/",
  "https://user:secret@billing.example.com/x",
  "http:\\\\evil.example",
  "https:/\\evil.example",
  "javascript:alert(document.cookie)",
  "JaVaScRiPt:alert(1)",
  " javascript:alert(1)",
  "java\tscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "file:///etc/passwd",
  "mailto:someone@evil.example",
  "",
  `/${"a".repeat(MAX_REDIRECT_LENGTH)}`,
];

describe("safe redirect after sign-in", () => {
  it.each(HOSTILE)("sends %j home instead", (value) => {
    expect(safeRedirectPath(value, ORIGIN)).toBe("/");
  });

  it("sends nothing and non-strings home", () => {
    expect(safeRedirectPath(undefined, ORIGIN)).toBe("/");
    expect(safeRedirectPath(null, ORIGIN)).toBe("/");
    expect(safeRedirectPath(42 as unknown as string, ORIGIN)).toBe("/");
  });

  it.each([
    ["/dashboard", "/dashboard"],
    ["/invoices/abc?tab=lines#line-2", "/invoices/abc?tab=lines#line-2"],
    ["/outcomes?status=billable&from=2026-01-01", "/outcomes?status=billable&from=2026-01-01"],
    ["https://billing.example.com/review", "/review"],
    ["/x/../../dashboard", "/dashboard"],
    // The same scheme without slashes is a relative path, as a browser reads it.
    ["https:evil.example", "/evil.example"],
    // Encoded characters stay encoded in the path: a browser never reads them as a host.
    ["/%09/evil.example/x", "/%09/evil.example/x"],
    ["/%5Cevil.example", "/%5Cevil.example"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/%5C%5Cevil", "/%5C%5Cevil"],
  ])("keeps the same-origin path %j as %j", (value, expected) => {
    expect(safeRedirectPath(value, ORIGIN)).toBe(expected);
  });

  it("always answers a path on the same origin, whatever the input", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "binary", maxLength: 60 }),
          fc.webUrl({ withQueryParameters: true, withFragments: true }),
          fc
            .array(fc.constantFrom("/", "\\", "\t", "\n", ".", "%09", "%5C", "evil.example", ":", "@", " "))
            .map((parts) => parts.join("")),
        ),
        (value) => {
          const path = safeRedirectPath(value, ORIGIN);
          expect(path.startsWith("/")).toBe(true);
          expect(path.startsWith("//")).toBe(false);
          expect(path).not.toMatch(/[\t\n\r\\]/);
          // What a browser does with the answer: it stays on the app's origin.
          expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
        },
      ),
      { numRuns: 300 },
    );
  }, 30_000);
});
