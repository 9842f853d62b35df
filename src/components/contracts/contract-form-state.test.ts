import { describe, expect, it } from "vitest";
import { ContractTermsInput } from "@/server/services/contracts/contract-schema";
import {
  type ContractForm,
  formFromContract,
  localErrors,
  newDiscountRow,
  newOutcomePriceRow,
  termsOf,
} from "./contract-form-state";

const form = (change: Partial<ReturnType<typeof newOutcomePriceRow>>): ContractForm => ({
  ...formFromContract(null, new Date(Date.UTC(2026, 11, 15))),
  outcomePrices: [{ ...newOutcomePriceRow("ticket_resolved"), unitPrice: "0.99", ...change }],
  changeNote: "Shapes",
});

describe("the contract form's outcome price shapes", () => {
  it("sends a package in place of the unit price and tiers, with free outcomes and the price's limits", () => {
    const terms = termsOf(
      form({
        byPackage: true,
        packageSize: "100",
        packagePrice: "150",
        packageRounding: "prorated",
        tiers: [{ id: 1, upTo: "", unitPrice: "1", flatFee: "" }],
        freeUnits: "50",
        minimum: "300",
      }),
    );
    expect(terms.outcomePrices[0]).toEqual({
      definitionKey: "ticket_resolved",
      unitPrice: "0",
      tiers: [],
      tierMode: "graduated",
      package: { size: 100, price: "150", rounding: "prorated" },
      freeUnits: 50,
      minimum: "300",
      maximum: null,
    });
    expect(ContractTermsInput.safeParse(terms).success).toBe(true);
  });

  it("sends volume tiers with a flat fee only where one is given, and reads them back the same", () => {
    const terms = termsOf(
      form({
        tierMode: "volume",
        tiers: [
          { id: 1, upTo: "1000", unitPrice: "0.99", flatFee: "10" },
          { id: 2, upTo: "", unitPrice: "0.79", flatFee: "" },
        ],
      }),
    );
    const parsed = ContractTermsInput.parse(terms);
    expect(parsed.outcomePrices[0]!.tiers).toEqual([
      { upTo: 1000, unitPrice: "0.99", flatFee: "10" },
      { upTo: null, unitPrice: "0.79" },
    ]);
    const at = new Date(Date.UTC(2026, 11, 1));
    const back = formFromContract(
      {
        id: "c1",
        version: 1,
        effectiveFrom: at,
        currency: "USD",
        platformFee: "0",
        attemptFees: [],
        outcomePrices: parsed.outcomePrices,
        monthlyCap: null,
        minimumCommitment: null,
        discounts: [],
        termCommitment: null,
        disputeWindowDays: 30,
        graceDays: 7,
        paymentTermsDays: 30,
        changeNote: "Shapes",
        authorLabel: "Ada",
        createdAt: at,
      },
      at,
    ).outcomePrices[0]!;
    expect(back).toMatchObject({ tierMode: "volume", byPackage: false, freeUnits: "", minimum: "", maximum: "" });
    expect(back.tiers.map((t) => t.flatFee)).toEqual(["10", ""]);
  });
});

describe("discounts in the contract form", () => {
  it("sends each duration as the server reads it, and names a count that is not a whole number", () => {
    const f = form({});
    f.discounts = [
      { ...newDiscountRow(), label: "Launch discount", value: "10", duration: "periods", periods: "3" },
      {
        ...newDiscountRow(),
        label: "Pilot credit",
        kind: "fixed",
        value: "25",
        definitionKey: "ticket_resolved",
        duration: "until",
        until: "2027-01-01",
      },
    ];
    const parsed = ContractTermsInput.parse(termsOf(f));
    expect(parsed.discounts).toEqual([
      { label: "Launch discount", kind: "percent", value: "10", definitionKey: null, periods: 3, until: null },
      {
        label: "Pilot credit",
        kind: "fixed",
        value: "25",
        definitionKey: "ticket_resolved",
        periods: null,
        until: "2027-01-01",
      },
    ]);
    f.discounts[0] = { ...f.discounts[0]!, periods: "three" };
    expect(localErrors(f)["discounts.0.periods"]).toContain("whole number");
  });
});

describe("the prepaid allowance in the contract form", () => {
  it("sends none when the amount is blank, else the amount with its rollover, and names a rollover that is not a whole number", () => {
    const f = form({});
    expect(ContractTermsInput.parse(termsOf(f)).prepaidAllowance).toBeNull();
    f.allowanceAmount = "100.00";
    f.allowanceRolloverPeriods = "2";
    expect(ContractTermsInput.parse(termsOf(f)).prepaidAllowance).toEqual({ amount: "100.00", rolloverPeriods: 2 });
    f.allowanceRolloverPeriods = "two";
    expect(localErrors(f)["prepaidAllowance.rolloverPeriods"]).toContain("whole number");
  });
});
