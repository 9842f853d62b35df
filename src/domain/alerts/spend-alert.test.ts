import { describe, expect, it } from "vitest";
import { type SpendFigures, spendAlertCrossing } from "./spend-alert";

const figures: SpendFigures = {
  currency: "USD",
  totalMinor: 50_000n,
  usageBeforeCapMinor: 40_000n,
  capMinor: 50_000n,
  forecastMinor: 90_000n,
};

describe("spendAlertCrossing", () => {
  it("crosses a share of the cap when usage before the cap reaches it exactly", () => {
    expect(spendAlertCrossing({ kind: "cap_share", threshold: "80" }, figures)?.title).toBe(
      "Usage reached 80% of the monthly cap",
    );
    expect(spendAlertCrossing({ kind: "cap_share", threshold: "80.01" }, figures)).toBeNull();
    expect(spendAlertCrossing({ kind: "cap_share", threshold: "1" }, { ...figures, capMinor: null })).toBeNull();
  });

  it("crosses an amount when month-to-date charges reach it", () => {
    expect(spendAlertCrossing({ kind: "amount", threshold: "500" }, figures)?.body).toBe(
      "Month-to-date charges are $500.00.",
    );
    expect(spendAlertCrossing({ kind: "amount", threshold: "500.01" }, figures)).toBeNull();
  });

  it("crosses a forecast threshold only when the expected forecast is above it", () => {
    expect(spendAlertCrossing({ kind: "forecast_above", threshold: "900" }, figures)).toBeNull();
    expect(spendAlertCrossing({ kind: "forecast_above", threshold: "899.99" }, figures)?.title).toBe(
      "Forecast above $899.99",
    );
  });
});
