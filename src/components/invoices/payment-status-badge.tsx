import type { PaymentStatus } from "@/domain/invoicing/payment-terms";

const STYLES: Record<PaymentStatus, string> = {
  open: "bg-sky-50 text-sky-800 ring-sky-600/20",
  paid: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  overdue: "bg-red-50 text-red-800 ring-red-600/20",
  void: "bg-slate-100 text-slate-700 ring-slate-500/20",
};

export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  open: "Open",
  paid: "Paid",
  overdue: "Overdue",
  void: "Void",
};

export function PaymentStatusBadge({ status }: { status: PaymentStatus }) {
  return (
    <span
      data-testid="payment-status"
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLES[status]}`}
    >
      {PAYMENT_STATUS_LABELS[status]}
    </span>
  );
}
