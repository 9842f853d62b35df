import { describe, expect, it } from "vitest";
import { CustomerFields } from "./customer-fields";

const fields = (timezone: string) => ({ externalId: "globex", name: "Globex", currency: "USD", timezone });

describe("a customer's time zone", () => {
  it("accepts IANA zones, links included (Asia/Kolkata is a link on some ICU versions), and UTC", () => {
    for (const zone of ["America/New_York", "Asia/Kolkata", "Europe/Kyiv", "UTC"]) {
      expect(CustomerFields.safeParse(fields(zone)).success).toBe(true);
    }
  });

  it("refuses what is not a zone with a field error", () => {
    for (const zone of ["New York", "Mars/Olympus", "+05:30", ""]) {
      const result = CustomerFields.safeParse(fields(zone));
      expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["timezone"]);
    }
  });
});
