"use client";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useMemo, useState } from "react";
import { FieldError, fieldClass, TextField } from "@/components/ui/form-field";
import { effectiveLabel, periodLabel } from "@/domain/invoicing/periods";
import { fieldErrorsOf } from "@/lib/field-errors";
import { errorMessage, useTRPC } from "@/lib/trpc";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { AttemptFeeFields, type DefinitionOption } from "./attempt-fee-fields";
import { type ContractForm, formFromContract, localErrors, termsOf } from "./contract-form-state";
import { ContractPreview } from "./contract-preview";
import type { ContractView } from "./contract-view";
import { DiscountFields } from "./discount-fields";
import { OutcomePriceFields } from "./outcome-price-fields";

/** An admin writes the next contract version and sees this month's bill under it as they type. */
export function NewContractForm({
  customerId,
  current,
  definitions,
  currency,
}: {
  customerId: string;
  current: ContractView | null;
  definitions: DefinitionOption[];
  currency: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [form, setForm] = useState<ContractForm>(() => formFromContract(current, new Date()));
  const [created, setCreated] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const local = localErrors(form);
  const valid = Object.keys(local).length === 0;
  // The change note does not change the bill; a placeholder lets the preview run before it is written.
  const previewTerms = useMemo(
    () => (valid ? { ...termsOf(form), changeNote: form.changeNote.trim() || "Preview" } : null),
    [form, valid],
  );
  const settledTerms = useDebouncedValue(previewTerms, 400);
  const preview = useQuery(
    trpc.contracts.preview.queryOptions(
      { customerId, terms: settledTerms! },
      { enabled: settledTerms !== null, placeholderData: keepPreviousData, retry: false, staleTime: 60_000 },
    ),
  );
  const create = useMutation(
    trpc.contracts.create.mutationOptions({
      onSuccess: (contract) => {
        setCreated(`Version ${contract.version} created; it applies from ${effectiveLabel(contract.effectiveFrom)}.`);
        setSubmitted(false);
        setForm((f) => ({ ...f, changeNote: "" }));
        router.refresh();
      },
    }),
  );
  // An edit answers the last save's refusal: its errors would now point at values that changed.
  const set =
    <K extends keyof ContractForm>(key: K) =>
    (value: ContractForm[K]) => {
      if (create.isError) create.reset();
      setForm((f) => ({ ...f, [key]: value }));
    };

  // Local mistakes first, then the server's (from the last save, or else from the live preview).
  const serverErrors = create.isError
    ? fieldErrorsOf(create.error, "terms.")
    : preview.isError
      ? fieldErrorsOf(preview.error, "terms.")
      : {};
  const errors = { ...serverErrors, ...local };
  // The note is only required once the admin saves: an empty note while typing is not a mistake yet.
  if (!submitted && form.changeNote.trim() === "") delete errors.changeNote;
  const fieldIds: Record<string, string> = {
    effectiveFrom: "contract-month",
    platformFee: "contract-platform-fee",
    monthlyCap: "contract-cap",
    minimumCommitment: "contract-minimum",
    "termCommitment.amount": "contract-commitment-amount",
    "termCommitment.startMonth": "contract-commitment-start",
    "termCommitment.months": "contract-commitment-months",
    disputeWindowDays: "contract-dispute-window",
    graceDays: "contract-grace",
    paymentTermsDays: "contract-payment-terms",
    changeNote: "contract-note",
    "prepaidAllowance.amount": "contract-allowance-amount",
    "prepaidAllowance.rolloverPeriods": "contract-allowance-rollover",
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    setCreated("");
    if (!valid) return;
    create.mutate({ customerId, terms: termsOf(form) });
  }

  const previewState =
    previewTerms === null
      ? "Correct the marked fields to see the preview."
      : previewTerms !== settledTerms || preview.isFetching
        ? "Updating…"
        : preview.isError
          ? `The preview cannot be computed: ${errorMessage(preview.error)}`
          : null;

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="new-contract-heading" className="space-y-6">
      <h2 id="new-contract-heading" className="text-base font-semibold text-slate-900">
        New contract version
      </h2>
      <div className="grid grid-cols-1 gap-8 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-6">
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <TextField
              id={fieldIds.effectiveFrom!}
              label="Effective from (day)"
              type="date"
              value={form.effectiveDay}
              onValue={set("effectiveDay")}
              error={errors.effectiveFrom}
              hint="From 00:00 UTC that day. After the 1st, the month is shared with the version before: fees and minimums prorated by the day."
              required
            />
            <TextField
              id={fieldIds.platformFee!}
              label={`Platform fee per month (${currency})`}
              value={form.platformFee}
              onValue={set("platformFee")}
              error={errors.platformFee}
              inputMode="decimal"
              hint="0 for none."
            />
          </div>
          <AttemptFeeFields
            rows={form.attemptFees}
            onChange={set("attemptFees")}
            definitions={definitions}
            errors={errors}
          />
          <OutcomePriceFields
            rows={form.outcomePrices}
            onChange={set("outcomePrices")}
            definitions={definitions}
            errors={errors}
          />
          <DiscountFields
            rows={form.discounts}
            onChange={set("discounts")}
            definitions={definitions}
            errors={errors}
            currency={currency}
          />
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <TextField
              id={fieldIds.monthlyCap!}
              label={`Monthly cap on usage (${currency})`}
              value={form.monthlyCap}
              onValue={set("monthlyCap")}
              error={errors.monthlyCap}
              inputMode="decimal"
              hint="Blank for no cap. Limits attempt and outcome charges, not the platform fee."
            />
            <TextField
              id={fieldIds.minimumCommitment!}
              label={`Minimum commitment (${currency})`}
              value={form.minimumCommitment}
              onValue={set("minimumCommitment")}
              error={errors.minimumCommitment}
              inputMode="decimal"
              hint="Blank for none. A true-up line covers any shortfall."
            />
            <TextField
              id={fieldIds["termCommitment.amount"]!}
              label={`Commitment over several months (${currency})`}
              value={form.commitmentAmount}
              onValue={set("commitmentAmount")}
              error={errors["termCommitment.amount"]}
              inputMode="decimal"
              hint="Blank for none. Platform fee and usage after discounts and the cap count toward it; the term's last invoice trues up any shortfall."
            />
            {form.commitmentAmount.trim() !== "" && (
              <>
                <TextField
                  id={fieldIds["termCommitment.startMonth"]!}
                  label="Commitment starts (month)"
                  type="month"
                  value={form.commitmentStart}
                  onValue={set("commitmentStart")}
                  error={errors["termCommitment.startMonth"]}
                />
                <TextField
                  id={fieldIds["termCommitment.months"]!}
                  label="Commitment term (months)"
                  value={form.commitmentMonths}
                  onValue={set("commitmentMonths")}
                  error={errors["termCommitment.months"]}
                  inputMode="numeric"
                  hint="12 for an annual commitment."
                />
              </>
            )}
            <TextField
              id={fieldIds.disputeWindowDays!}
              label="Dispute window (days)"
              value={form.disputeWindowDays}
              onValue={set("disputeWindowDays")}
              error={errors.disputeWindowDays}
              inputMode="numeric"
            />
            <TextField
              id={fieldIds.graceDays!}
              label="Grace days before finalizing"
              value={form.graceDays}
              onValue={set("graceDays")}
              error={errors.graceDays}
              inputMode="numeric"
              hint="Must cover the longest observation window."
            />
            <TextField
              id={fieldIds.paymentTermsDays!}
              label="Payment terms (net days)"
              value={form.paymentTermsDays}
              onValue={set("paymentTermsDays")}
              error={errors.paymentTermsDays}
              inputMode="numeric"
              hint="Days from the invoice's issue to its due date, e.g. 30 for net 30."
            />
            <TextField
              id={fieldIds["prepaidAllowance.amount"]!}
              label={`Prepaid allowance per period (${currency})`}
              value={form.allowanceAmount}
              onValue={set("allowanceAmount")}
              error={errors["prepaidAllowance.amount"]}
              inputMode="decimal"
              hint="Blank for none. Granted to the wallet when each period is finalized, and drawn by that invoice first."
            />
            <TextField
              id={fieldIds["prepaidAllowance.rolloverPeriods"]!}
              label="Allowance rolls over (periods)"
              value={form.allowanceRolloverPeriods}
              onValue={set("allowanceRolloverPeriods")}
              error={errors["prepaidAllowance.rolloverPeriods"]}
              inputMode="numeric"
              hint="0: what the period's invoice does not use expires. N: the next N invoices may still use it."
            />
          </div>
          <div>
            <label htmlFor={fieldIds.changeNote} className="block text-sm font-medium text-slate-700">
              Change note
            </label>
            <textarea
              id={fieldIds.changeNote}
              value={form.changeNote}
              onChange={(e) => set("changeNote")(e.target.value)}
              rows={3}
              maxLength={2000}
              required
              aria-invalid={!!errors.changeNote}
              aria-describedby={errors.changeNote ? `${fieldIds.changeNote}-error` : `${fieldIds.changeNote}-hint`}
              className={fieldClass}
            />
            {errors.changeNote ? (
              <FieldError id={`${fieldIds.changeNote}-error`} message={errors.changeNote} />
            ) : (
              <p id={`${fieldIds.changeNote}-hint`} className="mt-1 text-xs text-slate-500">
                What this version changes and why; it is kept in the version history and the audit log.
              </p>
            )}
          </div>
        </div>
        <div className="rounded-xl border border-slate-200 bg-slate-50 p-4 xl:sticky xl:top-4 xl:self-start">
          <ContractPreview
            preview={preview.data ?? null}
            currentTotalMinor={preview.data?.currentTotalMinor ?? null}
            period={periodLabel(new Date())}
            state={previewState}
          />
        </div>
      </div>
      {create.isError && (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(create.error)}
        </p>
      )}
      {submitted && !valid && (
        <p role="alert" className="text-sm text-red-700">
          Some fields need a correction; each says what is wrong.
        </p>
      )}
      <output aria-live="polite" className="block text-sm text-emerald-800">
        {created}
      </output>
      <button
        type="submit"
        disabled={create.isPending}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70"
      >
        {create.isPending ? "Saving…" : "Create contract version"}
      </button>
    </form>
  );
}
