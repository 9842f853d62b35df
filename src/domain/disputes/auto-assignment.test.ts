import { describe, expect, it } from "vitest";
import { chooseAssignee } from "./auto-assignment";

const reviewers = ["r1", "r2", "r3"];

describe("automatic assignment of a new dispute", () => {
  it("leaves it unassigned when off", () => {
    expect(
      chooseAssignee({ mode: "off", activeReviewerIds: reviewers, lastChosenId: null, customerReviewerId: "r2" }),
    ).toBeNull();
  });

  it("takes turns among active reviewers", () => {
    expect(
      chooseAssignee({
        mode: "round_robin",
        activeReviewerIds: reviewers,
        lastChosenId: "r1",
        customerReviewerId: null,
      }),
    ).toBe("r2");
  });

  it("gives it to the customer's reviewer while that reviewer is active, else to nobody", () => {
    const byCustomer = { mode: "by_customer" as const, activeReviewerIds: reviewers, lastChosenId: null };
    expect(chooseAssignee({ ...byCustomer, customerReviewerId: "r3" })).toBe("r3");
    expect(chooseAssignee({ ...byCustomer, customerReviewerId: "gone" })).toBeNull();
    expect(chooseAssignee({ ...byCustomer, customerReviewerId: null })).toBeNull();
  });
});
