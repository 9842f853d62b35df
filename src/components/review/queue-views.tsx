"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Link } from "@/components/ui/link";
import { fieldErrorsOf } from "@/lib/field-errors";
import { errorMessage, useTRPC } from "@/lib/trpc";
import type { QueueFilterValues } from "./queue-filters";

export interface QueueView {
  id: string;
  name: string;
  isDefault: boolean;
  href: string;
}

const small =
  "rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60";

/** The reviewer's saved views of the queue (kept on the server, per user) and saving the filters shown as one. */
export function QueueViews({
  views,
  currentId,
  filters,
}: {
  views: QueueView[];
  /** The view the queue shows, when it shows one. */
  currentId: string | null;
  filters: QueueFilterValues;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState("");
  const [isDefault, setIsDefault] = useState(false);
  const [notice, setNotice] = useState("");
  const save = useMutation(
    trpc.disputes.saveView.mutationOptions({
      onSuccess: (view) => {
        setNotice(`Saved “${view.name}”${view.isDefault ? ", your default view" : ""}.`);
        setName("");
        router.refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.disputes.deleteView.mutationOptions({
      onSuccess: () => {
        setNotice("View deleted.");
        router.push("/review?status=open");
      },
    }),
  );
  const fields = fieldErrorsOf(save.error);
  const current = views.find((v) => v.id === currentId);

  function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { status, customerId, reason, assignee, age, sort } = filters;
    save.mutate({ name, isDefault, filters: { status, customerId, reason, assignee, age, sort } });
  }

  return (
    <section aria-label="Saved views" className="mb-4 flex flex-wrap items-end gap-x-6 gap-y-3 text-sm">
      {views.length > 0 && (
        <nav aria-label="Your saved views" className="flex flex-wrap items-center gap-2">
          <span className="font-medium text-slate-700">Your views:</span>
          {views.map((view) => (
            <Link
              key={view.id}
              href={view.href}
              aria-current={view.id === currentId ? "true" : undefined}
              className={`rounded-full px-3 py-1 ${view.id === currentId ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-800 hover:bg-slate-200"}`}
            >
              {view.name}
              {view.isDefault && " (default)"}
            </Link>
          ))}
          {current && (
            <button
              type="button"
              className={small}
              disabled={remove.isPending}
              onClick={() => remove.mutate({ viewId: current.id })}
            >
              Delete “{current.name}”
            </button>
          )}
        </nav>
      )}
      <form onSubmit={onSave} noValidate className="flex flex-wrap items-end gap-2">
        <label className="font-medium text-slate-700">
          Save these filters as
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={60}
            placeholder="e.g. Mine, oldest first"
            aria-invalid={!!fields.name}
            className="mt-1 block w-56 max-w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm font-normal"
          />
        </label>
        <label className="flex items-center gap-1 pb-2 text-slate-700">
          <input type="checkbox" checked={isDefault} onChange={(e) => setIsDefault(e.target.checked)} />
          My default view
        </label>
        <button type="submit" disabled={save.isPending} className={`${small} mb-1`}>
          Save view
        </button>
      </form>
      <output aria-live="polite" className="basis-full text-slate-700" data-testid="views-notice">
        {save.isError
          ? (fields.name ?? errorMessage(save.error))
          : remove.isError
            ? errorMessage(remove.error)
            : notice}
      </output>
    </section>
  );
}
