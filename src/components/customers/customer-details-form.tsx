"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { FieldError, fieldClass, TextField } from "@/components/ui/form-field";
import { FormSubmitActions } from "@/components/ui/form-submit-actions";
import { fieldErrorsOf } from "@/lib/field-errors";
import { useTRPC } from "@/lib/trpc";

export interface CustomerDetails {
  externalId: string;
  name: string;
  currency: string;
  timezone: string;
  legalName: string | null;
  address: string | null;
  taxId: string | null;
}

const BLANK: CustomerDetails = {
  externalId: "",
  name: "",
  currency: "USD",
  timezone: "UTC",
  legalName: null,
  address: null,
  taxId: null,
};

/**
 * A provider admin adds a customer, or edits one's details, in place: closed, it is a button.
 * The external id (the customer's key in the provider's systems and the API) is set once.
 */
export function CustomerDetailsForm({ customerId, current }: { customerId?: string; current?: CustomerDetails }) {
  const trpc = useTRPC();
  const router = useRouter();
  const editing = customerId !== undefined;
  const start = current ?? BLANK;
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState({
    externalId: start.externalId,
    name: start.name,
    currency: start.currency,
    timezone: start.timezone,
    legalName: start.legalName ?? "",
    address: start.address ?? "",
    taxId: start.taxId ?? "",
  });
  const [saved, setSaved] = useState("");
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const create = useMutation(
    trpc.customers.create.mutationOptions({
      onSuccess: (customer) => router.push(`/customers/${customer.id}`),
    }),
  );
  const edit = useMutation(
    trpc.customers.edit.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        setSaved("Saved. Invoices not yet finalized print the new details; finalized ones keep theirs.");
        router.refresh();
      },
    }),
  );
  const mutation = editing ? edit : create;
  const fields = fieldErrorsOf(mutation.error, editing ? "details." : "");
  const shownInFields = Object.keys(fields).some((f) => f in values);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved("");
    const { externalId, ...details } = values;
    if (editing) edit.mutate({ customerId, details });
    else create.mutate({ externalId, ...details });
  }

  if (!open) {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={() => setOpen(true)}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
        >
          {editing ? "Edit details" : "Add a customer"}
        </button>
        <output aria-live="polite" className="text-sm text-emerald-800">
          {saved}
        </output>
      </div>
    );
  }
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={editing ? "Edit the customer's details" : "Add a customer"}
      className="max-w-2xl space-y-3"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          id="customer-name"
          label="Name"
          value={values.name}
          onValue={set("name")}
          error={fields.name}
          maxLength={200}
        />
        {editing ? (
          <div>
            <p className="block text-sm font-medium text-slate-700">External id</p>
            <p className="mt-1 py-2 font-mono text-xs text-slate-700">{values.externalId}</p>
          </div>
        ) : (
          <TextField
            id="customer-external-id"
            label="External id"
            value={values.externalId}
            onValue={set("externalId")}
            error={fields.externalId}
            hint="The customer's id in your systems; events and the API name the customer by it. It cannot change later."
            maxLength={100}
          />
        )}
        <TextField
          id="customer-currency"
          label="Currency"
          value={values.currency}
          onValue={set("currency")}
          error={fields.currency}
          hint="ISO 4217, e.g. USD or EUR: contracts and invoices are in it."
          maxLength={3}
        />
        <TextField
          id="customer-time-zone"
          label="Time zone"
          value={values.timezone}
          onValue={set("timezone")}
          error={fields.timezone}
          hint="IANA, e.g. America/New_York: the customer's pages and documents show times in it."
          maxLength={64}
        />
        <TextField
          id="customer-legal-name"
          label="Legal name"
          value={values.legalName}
          onValue={set("legalName")}
          error={fields.legalName}
          hint="Printed as the buyer on invoices; empty: the name."
          maxLength={200}
        />
        <TextField
          id="customer-tax-id"
          label="Tax ID"
          value={values.taxId}
          onValue={set("taxId")}
          error={fields.taxId}
          maxLength={50}
        />
      </div>
      <div>
        <label htmlFor="customer-address" className="block text-sm font-medium text-slate-700">
          Address
        </label>
        <textarea
          id="customer-address"
          value={values.address}
          onChange={(e) => set("address")(e.target.value)}
          rows={3}
          maxLength={500}
          aria-invalid={!!fields.address}
          aria-describedby={fields.address ? "customer-address-error" : undefined}
          className={fieldClass}
        />
        <FieldError id="customer-address-error" message={fields.address} />
      </div>
      <FormSubmitActions
        pending={mutation.isPending}
        label={editing ? "Save details" : "Add customer"}
        pendingLabel="Saving…"
        error={mutation.isError && !shownInFields ? mutation.error : null}
        onCancel={() => {
          mutation.reset();
          setOpen(false);
        }}
      />
    </form>
  );
}
