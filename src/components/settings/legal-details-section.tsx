"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Card } from "@/components/ui/card";
import { FieldError, fieldClass, TextField } from "@/components/ui/form-field";
import { fieldErrorsOf } from "@/lib/field-errors";
import { errorMessage, useTRPC } from "@/lib/trpc";

interface LegalDetails {
  legalName: string | null;
  address: string | null;
  taxId: string | null;
}

/** Settings › Legal details: what every invoice and credit note prints as the seller. */
export function LegalDetailsSection({ legal }: { legal: LegalDetails }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [legalName, setLegalName] = useState(legal.legalName ?? "");
  const [address, setAddress] = useState(legal.address ?? "");
  const [taxId, setTaxId] = useState(legal.taxId ?? "");
  const [saved, setSaved] = useState("");
  const update = useMutation(
    trpc.settings.updateLegalDetails.mutationOptions({
      onSuccess: () => {
        setSaved("Saved: invoices and credit notes print these details from now on.");
        router.refresh();
      },
    }),
  );
  const fields = fieldErrorsOf(update.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved("");
    update.mutate({ legalName, address, taxId });
  }

  return (
    <Card title="Legal details on invoices">
      <form onSubmit={onSubmit} noValidate className="max-w-lg space-y-3">
        <TextField
          id="legal-name"
          label="Legal name"
          value={legalName}
          onValue={setLegalName}
          error={fields.legalName}
          maxLength={200}
        />
        <div>
          <label htmlFor="legal-address" className="block text-sm font-medium text-slate-700">
            Address
          </label>
          <textarea
            id="legal-address"
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            rows={3}
            maxLength={500}
            aria-invalid={!!fields.address}
            aria-describedby={fields.address ? "legal-address-error" : undefined}
            className={fieldClass}
          />
          <FieldError id="legal-address-error" message={fields.address} />
        </div>
        <TextField
          id="legal-tax-id"
          label="Tax ID"
          value={taxId}
          onValue={setTaxId}
          error={fields.taxId}
          hint="VAT number, EIN… An empty field falls back to the deployment's environment, if it sets one."
          maxLength={50}
        />
        {update.isError && !fields.legalName && !fields.address && !fields.taxId && (
          <p role="alert" className="text-sm text-red-700">
            {errorMessage(update.error)}
          </p>
        )}
        <button
          type="submit"
          disabled={update.isPending}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-70"
        >
          {update.isPending ? "Saving…" : "Save legal details"}
        </button>
        <output aria-live="polite" className="block text-sm text-emerald-800">
          {saved}
        </output>
      </form>
    </Card>
  );
}
