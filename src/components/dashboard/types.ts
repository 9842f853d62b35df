import type { Dashboard } from "@/server/services/dashboard/load-dashboard";

export type { Dashboard };
export type Billing = NonNullable<Dashboard["billing"]>;
export type OutcomeValueSetting = Dashboard["value"]["settings"][number];
