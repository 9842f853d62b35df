"use client";
import { useMutation } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { onReviewQueue } from "@/lib/navigation";
import { errorMessage, useTRPC } from "@/lib/trpc";

/** Provider staff choose whose portal the Billing pages show (not on the review queue, which spans customers). */
export function CustomerSwitcher({
  customers,
  currentId,
}: {
  customers: { id: string; name: string }[];
  currentId: string | null;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const [error, setError] = useState<string | null>(null);
  const view = useMutation(
    trpc.customers.view.mutationOptions({
      onSuccess: () => {
        setError(null);
        router.refresh();
      },
      onError: (e) => setError(errorMessage(e)),
    }),
  );
  if (onReviewQueue(pathname)) return <span aria-hidden="true" />;
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="customer-switcher" className="text-xs font-medium uppercase tracking-wide text-slate-500">
        Viewing customer
      </label>
      <select
        id="customer-switcher"
        value={currentId ?? ""}
        disabled={view.isPending || customers.length === 0}
        onChange={(e) => view.mutate({ customerId: e.target.value })}
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
      >
        {customers.length === 0 && <option value="">No customers yet</option>}
        {customers.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </div>
  );
}
