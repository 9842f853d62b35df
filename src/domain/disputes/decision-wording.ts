// What a decision will do and cost, in the words of its submit button: "Accept 1 outcome:
// credits $0.99 on the November 2026 draft". The figure is the one `decideCredits` computes
// for the decision itself (a dry run of the same path), never an estimate.
import { formatMoney } from "@/domain/money-format";
import type { AdjudicationKind } from "./dispute-terms";

export interface InvoiceCredited {
  status: "draft" | "finalized";
  number: string | null;
  periodLabel: string;
}

export function decisionButtonText({
  kind,
  percent,
  outcomes,
  creditMinor,
  currency,
  invoices,
}: {
  kind: AdjudicationKind;
  percent: string | null;
  outcomes: number;
  /** Null while the figure is being computed. */
  creditMinor: bigint | null;
  currency: string;
  invoices: readonly InvoiceCredited[];
}): string {
  const what = `${outcomes} ${outcomes === 1 ? "outcome" : "outcomes"}`;
  const verb = kind === "accept" ? "Accept" : kind === "reject" ? "Reject" : `Credit ${percent || "…"} % of`;
  if (kind === "reject") return `${verb} ${what}: no credit`;
  if (creditMinor === null) return `${verb} ${what}`;
  return `${verb} ${what}: credits ${formatMoney(creditMinor, currency)} on ${whereCredited(invoices)}`;
}

/** "the November 2026 draft", "invoice INV-2026-000004 (a credit note)", "2 invoices". */
export function whereCredited(invoices: readonly InvoiceCredited[]): string {
  if (invoices.length !== 1) return `${invoices.length} invoices`;
  const [invoice] = invoices as [InvoiceCredited];
  return invoice.status === "draft"
    ? `the ${invoice.periodLabel} draft`
    : `invoice ${invoice.number ?? invoice.periodLabel} (a credit note)`;
}
