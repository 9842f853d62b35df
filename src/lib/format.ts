// Formatting for people. Dates are shown in UTC with the zone named, so that a finance
// team in two offices reads the same time.
const dateTime = new Intl.DateTimeFormat("en-US", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

export function formatDateTime(date: Date | string | null | undefined): string {
  if (!date) return "—";
  return `${dateTime.format(new Date(date))} UTC`;
}
