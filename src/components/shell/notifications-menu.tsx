"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import { Link } from "@/components/ui/link";
import { formatDateTimeIn } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import type { AppRouter } from "@/server/trpc/root";

export type NotificationList = inferRouterOutputs<AppRouter>["notifications"]["list"];

const REFRESH_MS = 60_000;

/**
 * A user's notifications (spend alerts crossed): an unread badge and the latest list. Times in
 * `timeZone`: a customer user's company zone; UTC for provider staff, whose work spans customers.
 */
export function NotificationsMenu({ timeZone, initial }: { timeZone: string; initial: NotificationList }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  // The server rendered the page with the list: no request right after load, then every minute.
  const list = useQuery(
    trpc.notifications.list.queryOptions(undefined, {
      refetchInterval: REFRESH_MS,
      initialData: initial,
    }),
  );
  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.notifications.list.queryKey() }),
    }),
  );
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];

  return (
    <div className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="notifications-panel"
        onClick={() => setOpen((o) => !o)}
        className="flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50"
      >
        Notifications
        {unread > 0 && (
          <span
            className="rounded-full bg-red-600 px-2 py-0.5 text-xs font-semibold text-white"
            data-testid="unread-count"
          >
            {unread}
            <span className="sr-only"> unread</span>
          </span>
        )}
      </button>
      {open && (
        <div
          id="notifications-panel"
          className="absolute right-0 z-20 mt-2 w-80 rounded-lg border border-slate-200 bg-white p-3 shadow-lg"
        >
          {items.length === 0 ? (
            <p className="text-sm text-slate-600">No notifications.</p>
          ) : (
            <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto" aria-label="Notifications">
              {items.map((n) => (
                <li key={n.id} className="py-2 text-sm">
                  <Link
                    href={n.link}
                    onClick={() => setOpen(false)}
                    className="font-medium text-slate-900 hover:underline"
                  >
                    {n.readAt === null && <span className="sr-only">Unread: </span>}
                    {n.title}
                  </Link>
                  <p className="text-slate-600">{n.body}</p>
                  <p className="text-xs text-slate-500">{formatDateTimeIn(n.createdAt, timeZone)}</p>
                </li>
              ))}
            </ul>
          )}
          {unread > 0 && (
            <button
              type="button"
              disabled={markRead.isPending}
              onClick={() => markRead.mutate()}
              className="mt-2 text-sm font-medium text-brand-700 hover:underline"
            >
              Mark all as read
            </button>
          )}
        </div>
      )}
    </div>
  );
}
