// Client-safe: no decimal library here (describeSpendAlert, which needs it, runs on the server).
export type SpendAlertKind = "cap_share" | "amount" | "forecast_above";

export const SPEND_ALERT_KIND_LABELS: Record<SpendAlertKind, string> = {
  cap_share: "Usage reaches a share of the cap (%)",
  amount: "Month-to-date spend reaches",
  forecast_above: "Forecast to month end exceeds",
};
