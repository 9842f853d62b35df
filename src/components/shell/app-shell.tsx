import type { ReactNode } from "react";
import { isProviderRole, ROLE_LABELS } from "@/domain/roles";
import { navigationFor } from "@/lib/navigation";
import type { UserActor } from "@/server/auth/current-actor";
import { CustomerSwitcher } from "./customer-switcher";
import { type NotificationList, NotificationsMenu } from "./notifications-menu";
import type { ReviewQueueCounters } from "./review-queue-counter";
import { Sidebar } from "./sidebar";
import { SignOutButton } from "./sign-out-button";

export interface ShellProps {
  actor: UserActor;
  userName: string;
  providerName: string;
  /** The customer the Billing pages show: one's own, or the switcher's choice. */
  viewedCustomer: { id: string; name: string; timezone: string } | null;
  customers: { id: string; name: string }[];
  /** The header's notifications and the review queue's counters, as the server loaded them. */
  notifications: NotificationList;
  reviewCounters: ReviewQueueCounters | null;
  children: ReactNode;
}

export function AppShell({
  actor,
  userName,
  providerName,
  viewedCustomer,
  customers,
  notifications,
  reviewCounters,
  children,
}: ShellProps) {
  const staff = isProviderRole(actor.role);
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only print:hidden focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <Sidebar sections={navigationFor(actor.role)} providerName={providerName} reviewCounters={reviewCounters} />
      <div className="lg:pl-60 print:pl-0">
        <header className="flex flex-wrap print:hidden items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 py-3 sm:px-8">
          {staff ? (
            <CustomerSwitcher customers={customers} currentId={viewedCustomer?.id ?? null} />
          ) : (
            <p className="text-sm font-medium text-slate-700">{viewedCustomer?.name}</p>
          )}
          <div className="flex items-center gap-3">
            <NotificationsMenu timeZone={staff ? "UTC" : (viewedCustomer?.timezone ?? "UTC")} initial={notifications} />
            <p className="text-right text-sm leading-tight">
              <span className="block font-medium text-slate-900">{userName}</span>
              <span className="block text-xs text-slate-500" data-testid="current-role">
                {ROLE_LABELS[actor.role]}
              </span>
            </p>
            <SignOutButton />
          </div>
        </header>
        <main id="main" className="px-4 py-6 sm:px-8 print:p-0">
          {children}
        </main>
      </div>
    </div>
  );
}
