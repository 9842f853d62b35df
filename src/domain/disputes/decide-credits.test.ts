import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec, minMinor, sumMinor } from "../money";
import { ratePeriod } from "../rating/rate-period";
import { discount, outcomePrice } from "../rating/test-prices";
import { shapedTerms, terms, tieredTerms, usage } from "./credit-test-terms";
import {
  creditedShares,
  type DecidedCredits,
  decideCredits,
  type InvoiceToCredit,
  type OutcomeToDecide,
} from "./decide-credits";
import { creditLineMinor, priceCredits, roundMinor } from "./dispute-credit";
import type { AdjudicationKind } from "./dispute-terms";

const outcome = (id: string, invoiceId = "inv"): OutcomeToDecide => ({
  id,
  attemptId: `attempt-${id}`,
  definitionKey: "ticket_resolved",
  disputedShare: "1",
  invoiceId,
  charged: true,
});

const invoice = (overrides: Partial<InvoiceToCredit> = {}): InvoiceToCredit => ({
  id: "inv",
  status: "draft",
  number: null,
  periodLabel: "November 2026",
  totalMinor: null,
  creditNotesMinor: 0n,
  terms: terms(),
  usage: [usage(730)],
  credited: new Map(),
  earlier: [],
  ...overrides,
});

/** A disputed outcome: its id and the share of it under dispute (less after a partial credit). */
type Disputed = { id: string; disputedShare: string };

const decide = (kind: AdjudicationKind, percent: string | null, items: (string | Disputed)[], inv: InvoiceToCredit) =>
  decideCredits({
    kind,
    percent,
    disputeNumber: "DSP-2026-000001",
    currency: "USD",
    outcomes: items.map((item) =>
      typeof item === "string"
        ? outcome(item, inv.id)
        : { ...outcome(item.id, inv.id), disputedShare: item.disputedShare },
    ),
    invoices: new Map([[inv.id, inv]]),
  });

/** One decision in a generated sequence: which undecided outcomes (by position), and how. */
const decisionArb = fc.record({
  picks: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
  kind: fc.constantFrom<AdjudicationKind>("accept", "partial", "reject"),
  percent: fc.constantFrom("50", "12.5", "33.33", "75", "1", "99.99"),
});

const contractArb = fc.record({
  // null: 0.99 up to 1,000 then 0.79; else an outcome price of any shape.
  shape: fc.option(outcomePrice(), { nil: null, freq: 2 }),
  billable: fc.integer({ min: 12, max: 1_500 }),
  platformFee: fc.integer({ min: 0, max: 300 }),
  cap: fc.option(fc.integer({ min: 1, max: 1_500 }), { nil: null }),
  minimum: fc.option(fc.integer({ min: 1, max: 1_500 }), { nil: null }),
  discounts: fc.array(discount(), { maxLength: 2 }),
});

const termsOf = (c: typeof contractArb extends fc.Arbitrary<infer C> ? C : never) =>
  c.shape === null
    ? { ...tieredTerms(c.platformFee, c.cap, c.minimum), discounts: c.discounts }
    : shapedTerms(c.shape, c.platformFee, c.cap, c.minimum, c.discounts);

/**
 * Plays decisions on 12 disputed outcomes of one line. What a partial decision leaves of an
 * outcome is disputed again (a new disputed outcome for the rest), so later decisions may take it.
 */
function play(
  decisions: { picks: number[]; kind: AdjudicationKind; percent: string }[],
  step: (d: { items: Disputed[]; kind: AdjudicationKind; percent: string | null }) => DecidedCredits,
) {
  const undecided: Disputed[] = Array.from({ length: 12 }, (_, i) => ({ id: `o${i}`, disputedShare: "1" }));
  for (const d of decisions) {
    if (undecided.length === 0) return;
    const items = [...new Set(d.picks.map((p) => undecided[p % undecided.length]!))];
    for (const item of items) undecided.splice(undecided.indexOf(item), 1);
    const result = step({ items, kind: d.kind, percent: d.kind === "partial" ? d.percent : null });
    for (const item of items) {
      const rest = new Dec(item.disputedShare).minus(result.outcomes.get(item.id)!.share);
      if (d.kind === "partial" && rest.gt(0)) undecided.push({ id: `${item.id}'`, disputedShare: rest.toFixed() });
    }
  }
}

describe("deciding credits on a draft", () => {
  it("credits a fully accepted 0.99 outcome 0.99 after a 50 % partial on the same line, and the line adds up", () => {
    let inv = invoice();
    const half = decide("partial", "50", ["half"], inv);
    expect(half.outcomes.get("half")).toEqual({ share: "0.5", minor: 50n });
    inv = { ...inv, earlier: [{ id: "half", definitionKey: "ticket_resolved", share: "0.5", charged: true }] };
    const full = decide("accept", null, ["a", "b"], inv);
    expect(full.outcomes.get("a")!.minor).toBe(99n);
    expect(full.outcomes.get("b")!.minor).toBe(99n);
    expect(full.resettled.get("half")).toBe(50n);
    expect(full.explain(new Map())).toBe(
      "$1.98 comes off the draft invoice for November 2026 as a dispute credit (final when that invoice is finalized).",
    );
    expect(creditLineMinor(terms(), [usage(730)], new Map([["ticket_resolved", "2.5"]]))).toBe(248n);
  });

  it("credits a discounted outcome what it cost after the discount, not its list price", () => {
    const discounted = {
      ...terms(),
      discounts: [
        { label: "Launch", kind: "percent" as const, value: "10", definitionKey: null, periods: null, until: null },
      ],
    };
    // 0.99 less 10 % is 0.891: one accepted outcome is credited 0.89, two 1.78 (1.782 rounded once).
    expect(creditLineMinor(discounted, [usage(730)], new Map([["ticket_resolved", "1"]]))).toBe(89n);
    expect(creditLineMinor(discounted, [usage(730)], new Map([["ticket_resolved", "2"]]))).toBe(178n);
  });

  it("any sequence of decisions: what the outcomes show adds up to the line, which is their exact sum rounded once", () => {
    fc.assert(
      fc.property(contractArb, fc.array(decisionArb, { minLength: 1, maxLength: 8 }), (c, decisions) => {
        const t = termsOf(c);
        const u = [usage(c.billable)];
        let inv = invoice({ terms: t, usage: u });
        const shown = new Map<string, bigint>();
        play(decisions, ({ items, kind, percent }) => {
          const result = decide(kind, percent, items, inv);
          for (const [id, minor] of result.resettled) shown.set(id, minor);
          for (const [id, o] of result.outcomes) {
            shown.set(id, o.minor);
            if (o.share !== "0") {
              inv = {
                ...inv,
                earlier: [...inv.earlier, { id, definitionKey: "ticket_resolved", share: o.share, charged: true }],
              };
            }
          }
          const line = creditLineMinor(t, u, creditedShares(inv.earlier));
          expect(sumMinor([...shown.values()])).toBe(line);
          const exact = priceCredits(t, u, new Map(), inv.earlier).exactPerClaim;
          const exactSum = [...exact.values()].reduce((s, e) => s.plus(e), new Dec(0));
          const charged = ratePeriod(t, u).totalMinor;
          expect(line).toBe(minMinor(roundMinor(exactSum), charged));
          for (const claim of inv.earlier) {
            const e = exact.get(claim.id)!;
            // Never above the outcome's marginal price (the line's dearest is 0.99), nor its exact credit rounded up.
            if (c.shape === null) expect(e.lte(new Dec(claim.share).times(99))).toBe(true);
            expect(new Dec(shown.get(claim.id)!.toString()).lte(e.ceil())).toBe(true);
            if (
              c.shape === null &&
              claim.share === "1" &&
              c.cap === null &&
              c.minimum === null &&
              // A discount lowers what the outcome cost, so its credit too (dispute-credit.ts).
              c.discounts.length === 0 &&
              c.billable <= 1_000
            ) {
              expect(shown.get(claim.id)).toBe(99n);
            }
          }
          return result;
        });
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});

describe("deciding credits on a finalized invoice", () => {
  it("any sequence of decisions: each credit note line is what its outcomes show, and notes never pass the total", () => {
    fc.assert(
      fc.property(contractArb, fc.array(decisionArb, { minLength: 1, maxLength: 8 }), (c, decisions) => {
        const t = termsOf(c);
        const u = [usage(c.billable)];
        const totalMinor = ratePeriod(t, u).totalMinor;
        let inv = invoice({ status: "finalized", number: "INV-2026-000001", terms: t, usage: u, totalMinor });
        const credited: { id: string; definitionKey: string; share: string }[] = [];
        play(decisions, ({ items, kind, percent }) => {
          const result = decide(kind, percent, items, inv);
          const ids = items.map((i) => i.id);
          expect(result.resettled.size).toBe(0);
          for (const note of result.creditNotes) {
            expect(note.amountMinor).toBe(sumMinor(note.lines.map((l) => l.amountMinor)));
            expect(note.amountMinor).toBe(sumMinor(note.outcomeIds.map((id) => result.outcomes.get(id)!.minor)));
          }
          expect(result.creditMinor).toBe(sumMinor(result.creditNotes.map((n) => n.amountMinor)));
          const exact = priceCredits(
            t,
            u,
            inv.credited,
            ids.flatMap((id) => {
              const o = result.outcomes.get(id)!;
              return o.share === "0" ? [] : [{ id, definitionKey: "ticket_resolved", share: o.share }];
            }),
          ).exactPerClaim;
          for (const [id, o] of result.outcomes) {
            if (o.share === "0") continue;
            credited.push({ id, definitionKey: "ticket_resolved", share: o.share });
            expect(new Dec(o.minor.toString()).lte(exact.get(id)!.ceil())).toBe(true);
          }
          inv = {
            ...inv,
            credited: creditedShares(credited),
            creditNotesMinor: inv.creditNotesMinor + result.creditMinor,
          };
          expect(inv.creditNotesMinor <= totalMinor).toBe(true);
          return result;
        });
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it("rounds once over the invoice: two half credits of a 0.99 outcome are 0.50 and 0.49", () => {
    let inv = invoice({ status: "finalized", number: "INV-2026-000001", totalMinor: 72_270n });
    const first = decide("partial", "50", ["a"], inv);
    expect(first.creditMinor).toBe(50n);
    inv = { ...inv, credited: new Map([["ticket_resolved", "0.5"]]), creditNotesMinor: 50n };
    const second = decideCredits({
      kind: "accept",
      percent: null,
      disputeNumber: "DSP-2026-000002",
      currency: "USD",
      outcomes: [{ ...outcome("a2"), disputedShare: "0.5" }],
      invoices: new Map([["inv", inv]]),
    });
    expect(second.creditMinor).toBe(49n);
  });

  it("stops at what remains uncredited and says so", () => {
    const inv = invoice({
      status: "finalized",
      number: "INV-2026-000001",
      totalMinor: 72_270n,
      creditNotesMinor: 72_200n,
    });
    const result = decide("accept", null, ["a"], inv);
    expect(result.creditMinor).toBe(70n);
    expect(result.creditNotes[0]!.lines).toEqual([
      {
        description: "1 × ticket_resolved outcome credited (dispute DSP-2026-000001)",
        amountMinor: 70n,
        attemptId: "attempt-a",
      },
    ]);
    expect(result.explain(new Map([["inv", "CN-2026-000001"]]))).toBe(
      "Only $0.70 of INV-2026-000001 remained uncredited, so the credit stops there. Credit note CN-2026-000001 for $0.70 against INV-2026-000001.",
    );
  });

  it("credits nothing for a rejection or an outcome no longer billed as billable, and says why", () => {
    const inv = invoice({ status: "finalized", number: "INV-2026-000001", totalMinor: 72_270n });
    expect(decide("reject", null, ["a"], inv).explain(new Map())).toBe("Rejected: nothing is credited.");
    const gone = decideCredits({
      kind: "accept",
      percent: null,
      disputeNumber: "DSP-2026-000001",
      currency: "USD",
      outcomes: [{ ...outcome("a"), charged: false }],
      invoices: new Map([["inv", inv]]),
    });
    expect(gone.creditMinor).toBe(0n);
    expect(gone.creditNotes).toEqual([]);
    expect(gone.explain(new Map())).toContain("One outcome is no longer billed as billable");
  });
});
