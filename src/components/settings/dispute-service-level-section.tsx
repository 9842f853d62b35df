"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/form-field";
import { fieldErrorsOf } from "@/lib/field-errors";
import { errorMessage, useTRPC } from "@/lib/trpc";

/** Settings › Disputes: how many business days the provider promises for a decision. */
export function DisputeServiceLevelSection({ businessDays }: { businessDays: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [value, setValue] = useState(String(businessDays));
  const [saved, setSaved] = useState("");
  const update = useMutation(
    trpc.settings.updateDisputeServiceLevel.mutationOptions({
      onSuccess: (result) => {
        setSaved(
          result.changed
            ? `Saved: disputes opened from now on are due within ${days(result.businessDays)}.`
            : `The service level already was ${days(result.businessDays)}; nothing changed.`,
        );
        router.refresh();
      },
    }),
  );
  const fields = fieldErrorsOf(update.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved("");
    update.mutate({ businessDays: Number(value.trim()) });
  }

  return (
    <Card title="Disputes">
      <form onSubmit={onSubmit} noValidate aria-label="Dispute service level" className="max-w-md space-y-3">
        <TextField
          id="dispute-sla-days"
          label="Service level (business days)"
          value={value}
          onValue={setValue}
          type="number"
          min={1}
          max={30}
          step={1}
          inputMode="numeric"
          error={fields.businessDays}
          hint="From 1 to 30 business days (Monday to Friday, UTC). Open disputes keep the due time they were promised when they were opened; the new service level applies to disputes opened from now on."
        />
        {update.isError && !fields.businessDays && (
          <p role="alert" className="text-sm text-red-700">
            {errorMessage(update.error)}
          </p>
        )}
        <button
          type="submit"
          disabled={update.isPending}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70"
        >
          {update.isPending ? "Saving…" : "Save service level"}
        </button>
        <output aria-live="polite" className="block text-sm text-emerald-800">
          {saved}
        </output>
      </form>
    </Card>
  );
}

function days(n: number): string {
  return `${n} business ${n === 1 ? "day" : "days"}`;
}
