// The "New contract version" form's state and how it becomes the terms the server validates.
// Inputs stay strings while people type; the server's schema is the one judge of the terms.

import { DEFAULT_PAYMENT_TERMS_DAYS } from "@/domain/invoicing/payment-terms";
import type { ContractView } from "./contract-view";

export interface TierRow {
  id: number;
  /** Blank: open-ended (the last tier). */
  upTo: string;
  unitPrice: string;
  /** Blank: no flat fee for entering the tier. */
  flatFee: string;
}

export type PackageRounding = "up" | "down" | "prorated";

export interface OutcomePriceRow {
  id: number;
  definitionKey: string;
  unitPrice: string;
  tiers: TierRow[];
  tierMode: "graduated" | "volume";
  /** Priced per block of outcomes instead of per outcome (the unit price and tiers are then not sent). */
  byPackage: boolean;
  packageSize: string;
  packagePrice: string;
  packageRounding: PackageRounding;
  /** Blank: none. */
  freeUnits: string;
  minimum: string;
  maximum: string;
}

/** A new outcome price row: per outcome, no limits. */
export const newOutcomePriceRow = (definitionKey: string): OutcomePriceRow => ({
  id: newRowId(),
  definitionKey,
  unitPrice: "",
  tiers: [],
  tierMode: "graduated",
  byPackage: false,
  packageSize: "",
  packagePrice: "",
  packageRounding: "up",
  freeUnits: "",
  minimum: "",
  maximum: "",
});

export interface AttemptFeeRow {
  id: number;
  /** Blank: every definition without a fee of its own. */
  definitionKey: string;
  unitPrice: string;
}

export interface DiscountRow {
  id: number;
  label: string;
  kind: "percent" | "fixed";
  value: string;
  /** Blank: the whole invoice. */
  definitionKey: string;
  /** always: while the version is in force. */
  duration: "always" | "periods" | "until";
  periods: string;
  /** "YYYY-MM-DD" from the date picker. */
  until: string;
}

export const newDiscountRow = (): DiscountRow => ({
  id: newRowId(),
  label: "",
  kind: "percent",
  value: "",
  definitionKey: "",
  duration: "always",
  periods: "",
  until: "",
});

export interface ContractForm {
  /** "YYYY-MM-DD" from the date picker: the UTC day the version takes effect. */
  effectiveDay: string;
  platformFee: string;
  attemptFees: AttemptFeeRow[];
  outcomePrices: OutcomePriceRow[];
  monthlyCap: string;
  minimumCommitment: string;
  discounts: DiscountRow[];
  /** A commitment over several months: blank amount = none. */
  commitmentAmount: string;
  /** "YYYY-MM": the term's first billing period. */
  commitmentStart: string;
  commitmentMonths: string;
  disputeWindowDays: string;
  graceDays: string;
  paymentTermsDays: string;
  changeNote: string;
  /** The prepaid allowance per period; blank for none. */
  allowanceAmount: string;
  allowanceRolloverPeriods: string;
}

let nextRowId = 1;
export const newRowId = () => nextRowId++;

/** "YYYY-MM-DD" of the 1st of the month after `now`, in UTC: a new version usually starts with the next period. */
export function nextMonth(now: Date): string {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return next.toISOString().slice(0, 10);
}

/** The form starts from the terms in force, so an admin changes only what changes. */
export function formFromContract(contract: ContractView | null, now: Date): ContractForm {
  return {
    effectiveDay: nextMonth(now),
    commitmentAmount: contract?.termCommitment?.amount ?? "",
    commitmentStart: contract?.termCommitment?.startMonth ?? nextMonth(now).slice(0, 7),
    commitmentMonths: String(contract?.termCommitment?.months ?? 12),
    platformFee: contract?.platformFee ?? "0",
    attemptFees: (contract?.attemptFees ?? []).map((f) => ({
      id: newRowId(),
      definitionKey: f.definitionKey ?? "",
      unitPrice: f.unitPrice,
    })),
    outcomePrices: (contract?.outcomePrices ?? []).map((p) => ({
      id: newRowId(),
      definitionKey: p.definitionKey,
      unitPrice: p.unitPrice,
      tiers: p.tiers.map((t) => ({
        id: newRowId(),
        upTo: t.upTo === null ? "" : String(t.upTo),
        unitPrice: t.unitPrice,
        flatFee: t.flatFee ?? "",
      })),
      tierMode: p.tierMode ?? "graduated",
      byPackage: !!p.package,
      packageSize: p.package ? String(p.package.size) : "",
      packagePrice: p.package?.price ?? "",
      packageRounding: p.package?.rounding ?? "up",
      freeUnits: p.freeUnits ? String(p.freeUnits) : "",
      minimum: p.minimum ?? "",
      maximum: p.maximum ?? "",
    })),
    monthlyCap: contract?.monthlyCap ?? "",
    minimumCommitment: contract?.minimumCommitment ?? "",
    discounts: (contract?.discounts ?? []).map((d) => ({
      id: newRowId(),
      label: d.label,
      kind: d.kind,
      value: d.value,
      definitionKey: d.definitionKey ?? "",
      duration: d.periods !== null ? "periods" : d.until !== null ? "until" : "always",
      periods: d.periods === null ? "" : String(d.periods),
      until: d.until ?? "",
    })),
    disputeWindowDays: String(contract?.disputeWindowDays ?? 30),
    graceDays: String(contract?.graceDays ?? 7),
    paymentTermsDays: String(contract?.paymentTermsDays ?? DEFAULT_PAYMENT_TERMS_DAYS),
    changeNote: "",
    allowanceAmount: contract?.prepaidAllowance?.amount ?? "",
    allowanceRolloverPeriods: String(contract?.prepaidAllowance?.rolloverPeriods ?? 0),
  };
}

/** The date picker's "YYYY-MM-DD" as that day's start, 00:00 UTC; null when not a real day. */
export function dayStart(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const at = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return at.toISOString().slice(0, 10) === day ? at : null;
}

const wholeNumber = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN);

/** Mistakes the browser can name before asking the server: a missing day, days that are not whole numbers. */
export function localErrors(form: ContractForm): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!dayStart(form.effectiveDay)) errors.effectiveFrom = "Choose the day the version takes effect.";
  if (Number.isNaN(wholeNumber(form.disputeWindowDays)))
    errors.disputeWindowDays = "Give the dispute window as a whole number of days.";
  if (Number.isNaN(wholeNumber(form.graceDays))) errors.graceDays = "Give the grace period as a whole number of days.";
  if (Number.isNaN(wholeNumber(form.paymentTermsDays)))
    errors.paymentTermsDays = "Give the payment terms as a whole number of days.";
  form.outcomePrices.forEach((p, i) => {
    if (p.freeUnits.trim() !== "" && Number.isNaN(wholeNumber(p.freeUnits)))
      errors[`outcomePrices.${i}.freeUnits`] = "Give a whole number of free outcomes, or leave it blank.";
    if (p.byPackage && Number.isNaN(wholeNumber(p.packageSize)))
      errors[`outcomePrices.${i}.package.size`] = "Give the block size as a whole number of outcomes.";
    p.tiers.forEach((t, j) => {
      if (t.upTo.trim() !== "" && Number.isNaN(wholeNumber(t.upTo)))
        errors[`outcomePrices.${i}.tiers.${j}.upTo`] = "Give a whole number of outcomes, or leave it blank.";
    });
  });
  if (form.allowanceAmount.trim() !== "" && Number.isNaN(wholeNumber(form.allowanceRolloverPeriods)))
    errors["prepaidAllowance.rolloverPeriods"] = "Give the rollover as a whole number of periods (0 for none).";
  form.discounts.forEach((d, i) => {
    if (d.duration === "periods" && Number.isNaN(wholeNumber(d.periods)))
      errors[`discounts.${i}.periods`] = "Give the number of billing periods as a whole number.";
    if (d.duration === "until" && !/^\d{4}-\d{2}-\d{2}$/.test(d.until))
      errors[`discounts.${i}.until`] = "Choose the date the discount ends.";
  });
  return errors;
}

const optional = (value: string) => (value.trim() === "" ? null : value.trim());

/** The terms as `ContractTermsInput` reads them. Call only when `localErrors` is empty. */
export function termsOf(form: ContractForm) {
  return {
    effectiveFrom: dayStart(form.effectiveDay) ?? new Date(Number.NaN),
    platformFee: form.platformFee.trim() || "0",
    attemptFees: form.attemptFees.map((f) => ({
      definitionKey: f.definitionKey || null,
      unitPrice: f.unitPrice.trim(),
    })),
    outcomePrices: form.outcomePrices.map((p) => {
      const tiers = p.byPackage ? [] : p.tiers;
      return {
        definitionKey: p.definitionKey,
        // With tiers or a package the flat price is not used; keep it a valid, meaningful amount.
        unitPrice: p.byPackage ? "0" : (tiers[0]?.unitPrice ?? p.unitPrice).trim(),
        tiers: tiers.map((t) => ({
          upTo: t.upTo.trim() === "" ? null : wholeNumber(t.upTo),
          unitPrice: t.unitPrice.trim(),
          ...(t.flatFee.trim() === "" ? {} : { flatFee: t.flatFee.trim() }),
        })),
        tierMode: p.tierMode,
        package: p.byPackage
          ? { size: wholeNumber(p.packageSize), price: p.packagePrice.trim(), rounding: p.packageRounding }
          : null,
        freeUnits: p.freeUnits.trim() === "" ? 0 : wholeNumber(p.freeUnits),
        minimum: optional(p.minimum),
        maximum: optional(p.maximum),
      };
    }),
    monthlyCap: optional(form.monthlyCap),
    minimumCommitment: optional(form.minimumCommitment),
    termCommitment:
      form.commitmentAmount.trim() === ""
        ? null
        : {
            amount: form.commitmentAmount.trim(),
            startMonth: form.commitmentStart.trim(),
            months: wholeNumber(form.commitmentMonths),
          },
    discounts: form.discounts.map((d) => ({
      label: d.label.trim(),
      kind: d.kind,
      value: d.value.trim(),
      definitionKey: d.definitionKey || null,
      periods: d.duration === "periods" ? wholeNumber(d.periods) : null,
      until: d.duration === "until" ? d.until : null,
    })),
    disputeWindowDays: wholeNumber(form.disputeWindowDays),
    graceDays: wholeNumber(form.graceDays),
    paymentTermsDays: wholeNumber(form.paymentTermsDays),
    changeNote: form.changeNote,
    prepaidAllowance:
      form.allowanceAmount.trim() === ""
        ? null
        : { amount: form.allowanceAmount.trim(), rolloverPeriods: wholeNumber(form.allowanceRolloverPeriods) },
  };
}
