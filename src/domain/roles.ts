// Who may do what. Plain data so the server, the navigation and the tests read one source.

export const ROLES = ["admin", "reviewer", "finance", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** Provider staff work for the provider and may look at any customer. */
export const PROVIDER_ROLES: readonly Role[] = ["admin", "reviewer"];
/** Customer users belong to exactly one customer and only ever see that customer's data. */
export const CUSTOMER_ROLES: readonly Role[] = ["finance", "viewer"];

export const isProviderRole = (role: Role): boolean => PROVIDER_ROLES.includes(role);
export const isCustomerRole = (role: Role): boolean => CUSTOMER_ROLES.includes(role);

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Provider admin",
  reviewer: "Reviewer",
  finance: "Finance",
  viewer: "Viewer",
};
