"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Card } from "@/components/ui/card";
import { FieldError, fieldClass } from "@/components/ui/form-field";
import { fieldErrorsOf } from "@/lib/field-errors";
import { formatDateTimeIn } from "@/lib/format";
import { errorMessage, useTRPC } from "@/lib/trpc";
import { SPEND_ALERT_KIND_LABELS, type SpendAlertKind } from "./spend-alert-labels";

interface SpendAlertView {
  id: string;
  kind: SpendAlertKind;
  threshold: string;
  /** In words, worked out on the server ("Spend reaches $5,000.00"). */
  description: string;
  createdBy: string;
  firedThisPeriodAt: Date | null;
}

/** The company's spend alerts; finance users add and remove them, everyone else reads them. */
export function SpendAlertsCard({
  alerts,
  currency,
  canEdit,
  timeZone,
}: {
  alerts: SpendAlertView[];
  currency: string;
  canEdit: boolean;
  /** The customer's IANA zone, for when an alert was crossed. */
  timeZone: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [kind, setKind] = useState<SpendAlertKind>("amount");
  const [threshold, setThreshold] = useState("");
  const create = useMutation(
    trpc.dashboard.createAlert.mutationOptions({
      onSuccess: () => {
        setThreshold("");
        router.refresh();
      },
    }),
  );
  const remove = useMutation(trpc.dashboard.deleteAlert.mutationOptions({ onSuccess: () => router.refresh() }));
  const fields = fieldErrorsOf(create.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ kind, threshold: threshold.trim() });
  }

  return (
    <Card title="Spend alerts">
      <p className="mb-3 text-sm text-slate-600">
        The finance team is notified in the header once per month when an alert is crossed.
      </p>
      {alerts.length === 0 ? (
        <p className="text-sm text-slate-600">No spend alerts yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm" aria-label="Spend alerts">
          {alerts.map((a) => (
            <li key={a.id} className="flex items-center justify-between gap-3 py-2">
              <span>
                <span className="font-medium text-slate-900">{a.description}</span>
                <span className="block text-xs text-slate-500">
                  {a.firedThisPeriodAt
                    ? `Crossed this month, ${formatDateTimeIn(a.firedThisPeriodAt, timeZone)}`
                    : "Not crossed this month"}{" "}
                  · set by {a.createdBy}
                </span>
              </span>
              {canEdit && (
                <button
                  type="button"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate({ alertId: a.id })}
                  className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm text-slate-700 hover:bg-slate-100"
                >
                  Delete<span className="sr-only"> alert: {a.description}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {remove.isError && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {errorMessage(remove.error)}
        </p>
      )}
      {canEdit && (
        <form
          onSubmit={onSubmit}
          noValidate
          aria-label="New spend alert"
          className="mt-4 flex flex-wrap items-end gap-2"
        >
          <div>
            <label htmlFor="alert-kind" className="block text-sm font-medium text-slate-700">
              Notify when
            </label>
            <select
              id="alert-kind"
              value={kind}
              onChange={(e) => setKind(e.target.value as SpendAlertKind)}
              className={fieldClass}
            >
              {Object.entries(SPEND_ALERT_KIND_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="w-36">
            <label htmlFor="alert-threshold" className="block text-sm font-medium text-slate-700">
              Threshold {kind === "cap_share" ? "(%)" : `(${currency})`}
            </label>
            <input
              id="alert-threshold"
              value={threshold}
              onChange={(e) => setThreshold(e.target.value)}
              inputMode="decimal"
              autoComplete="off"
              aria-invalid={!!fields.threshold}
              aria-describedby={fields.threshold ? "alert-threshold-error" : undefined}
              className={fieldClass}
            />
          </div>
          <button
            type="submit"
            disabled={create.isPending}
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-70"
          >
            Add alert
          </button>
          <FieldError id="alert-threshold-error" message={fields.threshold} />
          {create.isError && !fields.threshold && (
            <p role="alert" className="w-full text-sm text-red-700">
              {errorMessage(create.error)}
            </p>
          )}
        </form>
      )}
    </Card>
  );
}
