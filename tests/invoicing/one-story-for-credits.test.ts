// One story for credits: a customer with a draft carrying dispute credits and a finalized
// invoice with a credit note reads the same credit figures, to the cent, in the tRPC invoice
// and dashboard reads, REST v1, the lines CSV and the PDF.
import { afterAll, describe, expect, it } from "vitest";
import { GET as getInvoice } from "@/app/api/v1/invoices/[id]/route";
import { formatMoney } from "@/domain/money";
import { closeApiRateLimiter } from "@/server/api/rate-limit";
import { exportInvoice } from "@/server/services/invoicing/exports/export-invoice";
import { finalizeInvoice } from "@/server/services/invoicing/finalize-invoice";
import { issueManualCreditNote } from "@/server/services/invoicing/issue-credit-note";
import { claim, disputeSetup } from "../disputes/dispute-fixtures";
import { apiRequest, makeApiKey, routeParams } from "../support/api-keys";
import { sendAttempts, testActor } from "../support/fixtures";
import { bytesOf, DAY_MS, invoiceIdFor, monthsAgo, pdfText } from "./billed-period";

afterAll(closeApiRateLimiter);

/** −(dispute_credit rows + credit_note rows) of the lines CSV, in cents. */
function csvCredits(csv: string): bigint {
  let cents = 0n;
  for (const row of csv.trim().split("\n").slice(1)) {
    const cells = row.split(",");
    if (cells[1] === "dispute_credit" || cells[1] === "credit_note") {
      cents -= BigInt(cells.at(-3)!.replace(".", ""));
    }
  }
  return cents;
}

describe("one story for credits", () => {
  it("counts dispute credits on a draft and credit notes alike, to the cent, everywhere", async () => {
    // The draft: last month, 10 × 0.99, two outcomes accepted and one half: 2.475 → 2.48.
    const s = await disputeSetup({ period: monthsAgo(1) });
    // The finalized invoice: the month before, 10 × 0.99, with a 1.25 credit note.
    const older = monthsAgo(2);
    await sendAttempts(s.customer.externalId, s.definition.key, new Date(older.getTime() + DAY_MS), 10, 10);
    const finalized = await finalizeInvoice({
      actor: testActor,
      input: { customerId: s.customer.id, periodStart: older },
    });
    await issueManualCreditNote({
      actor: testActor,
      input: { invoiceId: finalized.invoiceId, amount: "1.25", reason: "Goodwill for the outage" },
    });
    const [a, b, c] = s.billable;
    const opened = await s.asFinance.disputes.open({ ...claim, scope: { kind: "outcomes", attemptIds: [a!, b!, c!] } });
    const decide = (attemptIds: string[], kind: "accept" | "partial", percent?: string) =>
      s.asReviewer.disputes.decide({
        disputeId: opened.disputeId,
        attemptIds,
        kind,
        percent,
        rationale: "Checked the conversation log against the claim.",
        rootCause: "detection_error",
      });
    await decide([b!], "partial", "50");
    await decide([a!, c!], "accept");
    const draftId = await invoiceIdFor(s.customer.id, s.period);

    const expected = new Map([
      [draftId, { charged: 990n, credited: 248n, dispute: 248n, notes: 0n, netDue: 742n }],
      [finalized.invoiceId, { charged: 990n, credited: 125n, dispute: 0n, notes: 125n, netDue: 865n }],
    ]);

    // tRPC: the invoice list and each invoice.
    const list = await s.asFinance.invoices.list();
    for (const [id, e] of expected) {
      const row = list.find((i) => i.id === id)!;
      expect([row.chargesMinor, row.creditedMinor, row.netDueMinor]).toEqual([e.charged, e.credited, e.netDue]);
      const one = await s.asFinance.invoices.byId({ invoiceId: id });
      expect([
        one.chargesMinor,
        one.creditedMinor,
        one.disputeCreditsMinor,
        one.creditNotesMinor,
        one.netDueMinor,
      ]).toEqual([e.charged, e.credited, e.dispute, e.notes, e.netDue]);
    }

    // The dashboard: the credits chart per period and the disputes card.
    const dashboard = await s.asFinance.dashboard.overview();
    const period = (start: Date) => dashboard.history.find((p) => p.periodStart.getTime() === start.getTime())!;
    expect(period(s.period).creditedMinor).toBe(248n);
    expect(period(older).creditedMinor).toBe(125n);
    const summary = await s.asFinance.disputes.summary();
    expect(summary.creditedOverallMinor).toBe(248n + 125n);

    // REST v1, the lines CSV and the PDF of each invoice.
    const { key } = await makeApiKey();
    for (const [id, e] of expected) {
      const response = await getInvoice(apiRequest(`/api/v1/invoices/${id}`, { key }), routeParams({ id }));
      const body = await response.json();
      const cents = (money: string) => BigInt(money.replace(".", ""));
      expect([body.charges, body.credited, body.disputeCredits, body.creditNotesTotal, body.netDue].map(cents)).toEqual(
        [e.charged, e.credited, e.dispute, e.notes, e.netDue],
      );

      const csv = await exportInvoice({ actor: testActor, invoiceId: id, format: "lines.csv" });
      expect(csvCredits(new TextDecoder().decode(await bytesOf(csv.body)))).toBe(e.credited);

      const pdf = pdfText(
        await bytesOf((await exportInvoice({ actor: testActor, invoiceId: id, format: "pdf" })).body),
      );
      const money = (minor: bigint) => formatMoney(minor, "USD");
      expect(pdf).toContain(`Charges\n${money(e.charged)}`);
      expect(pdf).toContain(`Credits\n${money(-e.credited)}`);
      expect(pdf).toContain(`Net due\n${money(e.netDue)}`);
    }
  });
});
