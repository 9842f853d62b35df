// What a decision credits, computed from what the use case loaded, before anything is written.
// On a draft the period's credits are priced again from the start in decision order (the
// earlier ones, then this decision's) so every credited outcome of the draft adds up to its
// "Dispute credits" line. On a finalized invoice a credit note with one line per definition
// carries this decision's credits, priced after earlier credits and never above what remains
// uncredited on the invoice.

import { remainingCredit } from "../invoicing/credit-notes";
import { Dec, formatMoney, minMinor } from "../money";
import type { ContractTerms, DefinitionUsage } from "../rating/contract-terms";
import { keyInWords } from "../rating/proration";
import { creditShareOf } from "./credit-shares";
import { splitByLargestRemainder } from "./credit-split";
import {
  type CreditClaim,
  creditLimit,
  creditLineMinor,
  explainCredit,
  type PricedCredits,
  priceCredits,
} from "./dispute-credit";
import { ADJUDICATION_LABELS, type AdjudicationKind } from "./dispute-terms";

export interface OutcomeToDecide {
  /** The disputed outcome's id. */
  id: string;
  attemptId: string;
  definitionKey: string;
  disputedShare: string;
  invoiceId: string;
  /** Charged as billable on its invoice: as it stands on a draft, as billed on a finalized one. */
  charged: boolean;
}

export interface InvoiceToCredit {
  id: string;
  status: "draft" | "finalized";
  number: string | null;
  periodLabel: string;
  totalMinor: bigint | null;
  creditNotesMinor: bigint;
  terms: ContractTerms;
  /** The period as charged: live usage for a draft, billed usage for a finalized invoice. */
  usage: DefinitionUsage[];
  /** Finalized: billable shares earlier credit notes took off, per definition key. */
  credited: Map<string, string>;
  /** Draft: outcomes already credited on it, in decision order (only those still charged count). */
  earlier: (CreditClaim & { charged: boolean })[];
}

export interface CreditNoteToIssue {
  invoiceId: string;
  reason: string;
  amountMinor: bigint;
  lines: { description: string; amountMinor: bigint; attemptId: string | null }[];
  outcomeIds: string[];
}

export interface DecidedCredits {
  /** Per decided outcome: the share credited and what it shows. */
  outcomes: Map<string, { share: string; minor: bigint }>;
  /** Outcomes of earlier decisions on a draft whose shown credit moves with this one's. */
  resettled: Map<string, bigint>;
  creditNotes: CreditNoteToIssue[];
  creditMinor: bigint;
  /** The decision's explanation, once the credit notes have their numbers (by invoice id). */
  explain: (creditNoteNumbers: ReadonlyMap<string, string>) => string;
}

export function decideCredits({
  kind,
  percent,
  disputeNumber,
  currency,
  outcomes,
  invoices,
}: {
  kind: AdjudicationKind;
  percent: string | null;
  disputeNumber: string;
  currency: string;
  outcomes: readonly OutcomeToDecide[];
  /** Every invoice the outcomes sit on, oldest period first. */
  invoices: ReadonlyMap<string, InvoiceToCredit>;
}): DecidedCredits {
  const money = (minor: bigint) => formatMoney(minor, currency);
  const decided = new Map<string, { share: string; minor: bigint }>();
  const claimsByInvoice = new Map<string, (CreditClaim & { attemptId: string })[]>();
  let notCharged = 0;
  for (const o of outcomes) {
    const share = creditShareOf(o.disputedShare, kind, percent);
    if (share === "0" || !o.charged) {
      decided.set(o.id, { share: "0", minor: 0n });
      if (share !== "0") notCharged += 1;
      continue;
    }
    decided.set(o.id, { share, minor: 0n });
    const group = claimsByInvoice.get(o.invoiceId) ?? [];
    group.push({ id: o.id, definitionKey: o.definitionKey, share, attemptId: o.attemptId });
    claimsByInvoice.set(o.invoiceId, group);
  }

  const resettled = new Map<string, bigint>();
  const creditNotes: CreditNoteToIssue[] = [];
  const cutSentences = new Map<string, string>();
  const limits: { priced: Pick<PricedCredits, "totalMinor" | "listMinor" | "limitedBy">; terms: ContractTerms }[] = [];
  const draftPeriods: string[] = [];
  let draftMinor = 0n;
  // Period by period, as the invoices are given (oldest first).
  const ordered = [...invoices.values()].filter((i) => claimsByInvoice.has(i.id));
  for (const invoice of ordered) {
    const claims = claimsByInvoice.get(invoice.id)!;
    if (invoice.status === "draft") {
      const earlier = invoice.earlier.filter((c) => c.charged);
      // What this decision's credit is limited by (cap, minimum), for its explanation.
      const marginal = creditLimit(invoice.terms, invoice.usage, creditedShares(earlier), creditedShares(claims));
      const settled = priceCredits(invoice.terms, invoice.usage, new Map(), [...earlier, ...claims]);
      for (const c of invoice.earlier) resettled.set(c.id, settled.perClaim.get(c.id) ?? 0n);
      for (const c of claims) {
        const minor = settled.perClaim.get(c.id) ?? 0n;
        decided.get(c.id)!.minor = minor;
        draftMinor += minor;
      }
      draftPeriods.push(invoice.periodLabel);
      limits.push({ priced: marginal, terms: invoice.terms });
      continue;
    }
    const priced = priceCredits(invoice.terms, invoice.usage, invoice.credited, claims);
    limits.push({ priced, terms: invoice.terms });
    const byDefinition = new Map<string, typeof claims>();
    for (const c of claims) {
      const group = byDefinition.get(c.definitionKey) ?? [];
      group.push(c);
      byDefinition.set(c.definitionKey, group);
    }
    const exactOf = (cs: typeof claims) => cs.reduce((s, c) => s.plus(priced.exactPerClaim.get(c.id)!), new Dec(0));
    // Rounded once over all the invoice's dispute credits: this note is what they come to with
    // this decision's, less what they came to before (two half credits of 0.99 are 0.50 + 0.49).
    const exactByDefinition = new Map([...byDefinition].map(([key, cs]) => [key, exactOf(cs)] as const));
    // Kept within this decision's exact credits rounded down and up, so no outcome is credited
    // above what it cost (a cent may then stay with a later note).
    const exactHere = claims.map((c) => priced.exactPerClaim.get(c.id)!);
    const wanted = clampMinor(
      creditLineMinor(invoice.terms, invoice.usage, addShares(invoice.credited, claims)) -
        creditLineMinor(invoice.terms, invoice.usage, invoice.credited),
      exactHere.reduce((s, e) => s + BigInt(e.floor().toFixed(0)), 0n),
      exactHere.reduce((s, e) => s + BigInt(e.ceil().toFixed(0)), 0n),
    );
    const room = remainingCredit(invoice.totalMinor ?? 0n, invoice.creditNotesMinor);
    if (wanted > room) {
      cutSentences.set(
        invoice.id,
        `Only ${money(room)} of ${invoice.number} remained uncredited, so the credit stops there.`,
      );
    }
    const lineMinor = splitByLargestRemainder(minMinor(wanted, room), exactByDefinition);
    const lines: CreditNoteToIssue["lines"] = [];
    for (const [key, cs] of byDefinition) {
      const amountMinor = lineMinor.get(key)!;
      const shown = splitByLargestRemainder(
        amountMinor,
        new Map(cs.map((c) => [c.id, priced.exactPerClaim.get(c.id)!])),
      );
      for (const c of cs) decided.get(c.id)!.minor = shown.get(c.id)!;
      if (amountMinor > 0n) {
        lines.push({
          description: `${cs.length} × ${keyInWords(key)} ${cs.length === 1 ? "outcome" : "outcomes"} credited (dispute ${disputeNumber})`,
          amountMinor,
          attemptId: cs.length === 1 ? cs[0]!.attemptId : null,
        });
      }
    }
    const amountMinor = lines.reduce((s, l) => s + l.amountMinor, 0n);
    if (amountMinor === 0n) continue;
    creditNotes.push({
      invoiceId: invoice.id,
      reason: `Dispute ${disputeNumber}: ${ADJUDICATION_LABELS[kind].toLowerCase()}${kind === "partial" ? ` (${percent} %)` : ""}, ${claims.length} ${claims.length === 1 ? "outcome" : "outcomes"}`,
      amountMinor,
      lines,
      outcomeIds: claims.map((c) => c.id),
    });
  }
  const creditMinor = [...decided.values()].reduce((s, d) => s + d.minor, 0n);

  const explain = (numbers: ReadonlyMap<string, string>) => {
    const sentences: string[] = [];
    for (const invoice of ordered) {
      const cut = cutSentences.get(invoice.id);
      if (cut) sentences.push(cut);
      const note = creditNotes.find((n) => n.invoiceId === invoice.id);
      if (note) {
        sentences.push(
          `Credit note ${numbers.get(invoice.id)} for ${money(note.amountMinor)} against ${invoice.number}.`,
        );
      }
    }
    if (draftMinor > 0n) {
      sentences.push(
        `${money(draftMinor)} comes off the draft invoice for ${draftPeriods.join(" and ")} as a dispute credit (final when that invoice is finalized).`,
      );
    }
    for (const { priced, terms } of limits) if (priced.limitedBy) sentences.push(explainCredit(priced, terms));
    if (notCharged > 0) {
      sentences.push(
        `${notCharged === 1 ? "One outcome is" : `${notCharged} outcomes are`} no longer billed as billable, so there is nothing to credit for ${notCharged === 1 ? "it" : "them"}.`,
      );
    }
    if (kind === "reject") sentences.unshift("Rejected: nothing is credited.");
    else if (creditMinor === 0n && sentences.length === 0) sentences.push("Nothing is credited.");
    return sentences.join(" ");
  };
  return { outcomes: decided, resettled, creditNotes, creditMinor, explain };
}

/** The billable shares a list of credited outcomes takes off, per definition key. */
export function creditedShares(claims: readonly CreditClaim[]): Map<string, string> {
  return addShares(new Map(), claims);
}

function clampMinor(value: bigint, low: bigint, high: bigint): bigint {
  return value < low ? low : value > high ? high : value;
}

function addShares(shares: ReadonlyMap<string, string>, claims: readonly CreditClaim[]): Map<string, string> {
  const sum = new Map(shares);
  for (const c of claims) sum.set(c.definitionKey, new Dec(sum.get(c.definitionKey) ?? 0).plus(c.share).toFixed());
  return sum;
}
