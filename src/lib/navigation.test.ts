import { describe, expect, it } from "vitest";
import { navigationFor, onReviewQueue, sectionsShownAt } from "./navigation";

describe("the navigation on the review queue's pages", () => {
  it("treats /review and its dispute pages as the queue, and nothing that merely starts alike", () => {
    expect(onReviewQueue("/review")).toBe(true);
    expect(onReviewQueue("/review/0b7a0f7e-0000-4000-8000-000000000000")).toBe(true);
    expect(onReviewQueue("/reviewers")).toBe(false);
    expect(onReviewQueue("/disputes")).toBe(false);
  });

  it("shows staff no Billing section on the queue, and the whole navigation elsewhere", () => {
    const staff = navigationFor("reviewer");
    expect(sectionsShownAt(staff, "/review").map((s) => s.title)).toEqual(["Provider"]);
    expect(sectionsShownAt(staff, "/invoices").map((s) => s.title)).toEqual(["Billing", "Provider"]);
  });
});
