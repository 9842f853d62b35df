"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { FieldError, fieldClass } from "@/components/ui/form-field";
import { fieldErrorsOf } from "@/lib/field-errors";
import { errorMessage, useTRPC } from "@/lib/trpc";
import type { OutcomeValueSetting } from "./types";

/** A finance user states what one outcome of a definition is worth to their company. */
export function OutcomeValueForm({ setting, currency }: { setting: OutcomeValueSetting; currency: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [value, setValue] = useState(setting.valuePerOutcome ?? "");
  const [saved, setSaved] = useState("");
  const save = useMutation(
    trpc.dashboard.setOutcomeValue.mutationOptions({
      onSuccess: (result) => {
        setSaved(result.changed ? "Saved." : "Unchanged.");
        router.refresh();
      },
    }),
  );
  const fieldId = `outcome-value-${setting.definitionId}`;
  const error = fieldErrorsOf(save.error).valuePerOutcome ?? (save.isError ? errorMessage(save.error) : undefined);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved("");
    save.mutate({ definitionId: setting.definitionId, valuePerOutcome: value.trim() });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2">
      <div className="min-w-48 flex-1">
        <label htmlFor={fieldId} className="block text-sm font-medium text-slate-700">
          {setting.name} — per {setting.unitLabel} ({currency})
        </label>
        <input
          id={fieldId}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          inputMode="decimal"
          autoComplete="off"
          placeholder="e.g. 8.00"
          aria-invalid={!!error}
          aria-describedby={error ? `${fieldId}-error` : undefined}
          className={fieldClass}
        />
        <FieldError id={`${fieldId}-error`} message={error} />
      </div>
      <button
        type="submit"
        disabled={save.isPending}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70"
      >
        {save.isPending ? "Saving…" : `Save value of ${setting.name}`}
      </button>
      <output aria-live="polite" className="text-sm text-emerald-800">
        {saved}
      </output>
    </form>
  );
}
