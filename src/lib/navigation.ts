// The navigation of each role, in one place: the shell renders it and the e2e tests read it.
import type { Role } from "@/domain/roles";

export interface NavItem {
  href: string;
  label: string;
  roles: readonly Role[];
  /** A live count shown beside the label. */
  counter?: "review-queue";
}

export interface NavSection {
  title: string;
  items: NavItem[];
}

const everyone: readonly Role[] = ["admin", "reviewer", "finance", "viewer"];
const staff: readonly Role[] = ["admin", "reviewer"];

export const NAV_SECTIONS: NavSection[] = [
  {
    title: "Billing",
    items: [
      { href: "/dashboard", label: "Dashboard", roles: everyone },
      { href: "/outcomes", label: "Outcomes", roles: everyone },
      { href: "/invoices", label: "Invoices", roles: everyone },
      { href: "/credit-notes", label: "Credit notes", roles: everyone },
      { href: "/wallet", label: "Prepaid credits", roles: everyone },
      { href: "/disputes", label: "Disputes", roles: everyone },
    ],
  },
  {
    title: "Provider",
    items: [
      { href: "/review", label: "Review queue", roles: staff, counter: "review-queue" },
      { href: "/definitions", label: "Definitions", roles: staff },
      { href: "/customers", label: "Customers", roles: staff },
      { href: "/api-reference", label: "API reference", roles: staff },
      { href: "/audit", label: "Audit log", roles: ["admin"] },
      { href: "/settings", label: "Settings", roles: ["admin"] },
      { href: "/jobs", label: "Jobs", roles: ["admin"] },
    ],
  },
];

export function navigationFor(role: Role): NavSection[] {
  return NAV_SECTIONS.map((s) => ({ ...s, items: s.items.filter((i) => i.roles.includes(role)) })).filter(
    (s) => s.items.length > 0,
  );
}

/**
 * The review queue's pages (/review and /review/…) span every customer, so the customer
 * switcher and the customer's Billing menu mean nothing there: staff do not see them.
 */
export function onReviewQueue(pathname: string): boolean {
  return pathname === "/review" || pathname.startsWith("/review/");
}

/** The sections shown at a path: on the review queue's pages, staff see no Billing section. */
export function sectionsShownAt(sections: NavSection[], pathname: string): NavSection[] {
  return onReviewQueue(pathname) ? sections.filter((s) => s.title !== "Billing") : sections;
}

export function homePathFor(role: Role): string {
  return role === "admin" || role === "reviewer" ? "/review" : "/dashboard";
}
