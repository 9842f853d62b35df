// Prepaid credits end to end on real PostgreSQL: grants over REST and tRPC, finalization
// drawing the wallet like a payment (oldest expiry first), expiry by the clock, credit notes
// giving back to the wallet, and the database refusing a negative balance or a double draw.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { POST as postCreditNote } from "@/app/api/v1/credit-notes/route";
import { POST as postGrant } from "@/app/api/v1/customers/[externalId]/wallet/grants/route";
import { GET as getWalletRoute } from "@/app/api/v1/customers/[externalId]/wallet/route";
import { POST as postPayment } from "@/app/api/v1/invoices/[id]/payments/route";
import { GET as getInvoice } from "@/app/api/v1/invoices/[id]/route";
import { closeApiRateLimiter } from "@/server/api/rate-limit";
import { clock, resetNow, setNow } from "@/server/clock";
import { db } from "@/server/db";
import { loadAccountStatus } from "@/server/services/dashboard/load-account-status";
import { exportInvoice } from "@/server/services/invoicing/exports/export-invoice";
import { finalizeInvoice } from "@/server/services/invoicing/finalize-invoice";
import { voidInvoice } from "@/server/services/invoicing/void-invoice";
import { expireWalletGrants } from "@/server/services/wallet/expire-wallet-grants";
import { getWallet } from "@/server/services/wallet/get-wallet";
import { grantWalletCredit } from "@/server/services/wallet/grant-wallet-credit";
import { billedCustomer, bytesOf, DAY_MS, pdfText } from "../invoicing/billed-period";
import { apiRequest, makeApiKey, routeParams } from "../support/api-keys";
import { callerFor, makeCustomer, makeUser, testActor } from "../support/fixtures";

afterAll(closeApiRateLimiter);
afterEach(resetNow);

const terms = (key: string) => ({ platformFee: "100", outcomePrices: [{ definitionKey: key, unitPrice: "0.99" }] });
const day = (offsetDays: number) => new Date(clock.now().getTime() + offsetDays * DAY_MS).toISOString().slice(0, 10);

const grantOverRest = (key: string, externalId: string, body: unknown) =>
  postGrant(
    apiRequest(`/api/v1/customers/${externalId}/wallet/grants`, { key, method: "POST", body: JSON.stringify(body) }),
    routeParams({ externalId }),
  );
const readWallet = async (key: string, externalId: string) =>
  (
    await getWalletRoute(apiRequest(`/api/v1/customers/${externalId}/wallet`, { key }), routeParams({ externalId }))
  ).json();
const readInvoice = async (key: string, id: string) =>
  (await getInvoice(apiRequest(`/api/v1/invoices/${id}`, { key }), routeParams({ id }))).json();

const grant = (customerId: string, amount: string, expiresOn: string | null = null, reason = "Launch credit") =>
  grantWalletCredit({ actor: testActor, input: { customerId, amount, expiresOn, reason } });

/** 100.00 + 5 × 0.99 = 104.95 for a period three months ago. */
const billed = () => billedCustomer(terms, 6, 5);
const finalize = (customerId: string, periodStart: Date) =>
  finalizeInvoice({ actor: testActor, input: { customerId, periodStart } });

async function ledgerAddsUp(customerId: string) {
  const grants = await db().walletGrant.findMany({ where: { customerId }, include: { entries: true } });
  for (const g of grants) {
    const sum = g.entries.reduce((s, e) => s + e.amountMinor, 0n);
    expect({ grant: g.id, remaining: g.remainingMinor }).toEqual({ grant: g.id, remaining: sum });
    expect(g.remainingMinor).toBeGreaterThanOrEqual(0n);
  }
  return grants;
}

describe("granting prepaid credits over REST", () => {
  it("grants and tops up with an expiry, answers the wallet, and audits each movement", async () => {
    const { key } = await makeApiKey();
    const customer = await makeCustomer();
    const first = await grantOverRest(key, customer.externalId, {
      amount: "250.00",
      expiresOn: day(60),
      reason: "Launch credit",
    });
    expect(first.status).toBe(201);
    await grantOverRest(key, customer.externalId, { kind: "top_up", amount: "100.50", reason: "Bought, PO 77" });
    const wallet = await readWallet(key, customer.externalId);
    expect(wallet).toMatchObject({ customer: customer.externalId, currency: "USD", balance: "350.50" });
    expect(wallet.expiring).toEqual([expect.objectContaining({ amount: "250.00" })]);
    expect(wallet.grants.map((g: { kind: string }) => g.kind).sort()).toEqual(["grant", "top_up"]);
    expect(wallet.ledger.map((e: { amount: string }) => e.amount).sort()).toEqual(["100.50", "250.00"]);
    const audited = await db().auditEntry.findMany({ where: { customerId: customer.id, subjectType: "wallet_grant" } });
    expect(audited.map((a) => a.action).sort()).toEqual(["wallet.granted", "wallet.topped_up"]);
  });

  it("refuses an expiry in the past, a third decimal and an empty reason with field errors, granting nothing", async () => {
    const { key } = await makeApiKey();
    const customer = await makeCustomer();
    const past = await grantOverRest(key, customer.externalId, { amount: "10", expiresOn: day(-1), reason: "Late" });
    expect(past.status).toBe(400);
    expect((await past.json()).error.fields).toEqual([expect.objectContaining({ path: "expiresOn" })]);
    const fraction = await grantOverRest(key, customer.externalId, { amount: "1.005", reason: "Fraction" });
    expect((await fraction.json()).error.fields).toEqual([expect.objectContaining({ path: "amount" })]);
    const noReason = await grantOverRest(key, customer.externalId, { amount: "1", reason: "" });
    expect((await noReason.json()).error.fields).toEqual([expect.objectContaining({ path: "reason" })]);
    expect(await db().walletGrant.count({ where: { customerId: customer.id } })).toBe(0);
  });
});

describe("finalization draws the wallet", () => {
  it("pays the invoice from the grant that expires first, then the next, and the invoice is paid", async () => {
    const { key } = await makeApiKey();
    const { customer, period } = await billed();
    const later = await grant(customer.id, "80.00", day(90), "Later");
    const sooner = await grant(customer.id, "50.00", day(30), "Sooner");
    const { invoiceId, totalMinor } = await finalize(customer.id, period);
    expect(totalMinor).toBe(10_495n); // rating is untouched by the wallet
    const draws = await db().walletEntry.findMany({ where: { invoiceId, kind: "draw" } });
    expect(Object.fromEntries(draws.map((d) => [d.grantId, d.amountMinor]))).toEqual({
      [sooner.id]: -5_000n,
      [later.id]: -5_495n,
    });
    const invoice = await readInvoice(key, invoiceId);
    expect(invoice).toMatchObject({
      total: "104.95",
      netDue: "104.95",
      walletDrawn: "104.95",
      paid: "0.00",
      outstanding: "0.00",
      paymentStatus: "paid",
    });
    const wallet = await readWallet(key, customer.externalId);
    expect(wallet.balance).toBe("25.05");
    expect(wallet.ledger.filter((e: { kind: string }) => e.kind === "draw")).toHaveLength(2);
    expect(await db().auditEntry.count({ where: { subjectId: invoiceId, action: "wallet.drawn" } })).toBe(1);
    await ledgerAddsUp(customer.id);
  });

  it("pays part of it when the wallet holds less: the rest is outstanding and a payment above it is refused", async () => {
    const { key } = await makeApiKey();
    const { customer, period } = await billed();
    await grant(customer.id, "30.00");
    const { invoiceId } = await finalize(customer.id, period);
    expect(await readInvoice(key, invoiceId)).toMatchObject({
      walletDrawn: "30.00",
      outstanding: "74.95",
      paymentStatus: "open",
    });
    const over = await postPayment(
      apiRequest(`/api/v1/invoices/${invoiceId}/payments`, {
        key,
        method: "POST",
        body: JSON.stringify({ amount: "74.96", paidOn: day(0) }),
      }),
      routeParams({ id: invoiceId }),
    );
    expect((await over.json()).error.fields).toEqual([{ path: "amount", message: "At most $74.95." }]);
    expect((await readWallet(key, customer.externalId)).balance).toBe("0.00");
    // The dashboard's amount due is the invoice's outstanding, not its net due.
    const account = await loadAccountStatus({ actor: testActor, customerId: customer.id });
    expect(account.lastInvoice).toMatchObject({ totalMinor: 10_495n, dueMinor: 7_495n, paymentStatus: "open" });
  });

  it("never draws a grant past its expiry by the clock, and the sweep writes the expiry down once", async () => {
    const { key } = await makeApiKey();
    const { customer, period } = await billed();
    const expiring = await grant(customer.id, "40.00", day(2), "Expires soon");
    setNow(new Date(clock.now().getTime() + 3 * DAY_MS), { frozen: true });
    expect((await readWallet(key, customer.externalId)).balance).toBe("0.00");
    const { invoiceId } = await finalize(customer.id, period);
    expect(await readInvoice(key, invoiceId)).toMatchObject({ walletDrawn: "0.00", outstanding: "104.95" });
    await expireWalletGrants();
    await expireWalletGrants();
    const expiries = await db().walletEntry.findMany({ where: { grantId: expiring.id, kind: "expiry" } });
    expect(expiries.map((e) => e.amountMinor)).toEqual([-4_000n]);
    const [written] = await ledgerAddsUp(customer.id);
    expect(written!.remainingMinor).toBe(0n);
    expect((await readWallet(key, customer.externalId)).grants[0]).toMatchObject({ expired: true, remaining: "0.00" });
  });

  it("grants the contract's allowance at finalization and draws it first", async () => {
    const { key } = await makeApiKey();
    const { customer, period } = await billedCustomer(
      (k) => ({ ...terms(k), prepaidAllowance: { amount: "20.00", rolloverPeriods: 1 } }),
      6,
      5,
    );
    const { invoiceId } = await finalize(customer.id, period);
    const allowance = await db().walletGrant.findFirstOrThrow({
      where: { customerId: customer.id, kind: "allowance" },
    });
    expect(allowance.allowancePeriodStart).toEqual(period);
    // Usable by this invoice and the next one (finalized next month), then gone.
    const now = clock.now();
    expect(allowance.expiresAt).toEqual(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 1)));
    expect(await readInvoice(key, invoiceId)).toMatchObject({ walletDrawn: "20.00", outstanding: "84.95" });
    // Finalizing again is a no-op: no second allowance, no second draw.
    await finalize(customer.id, period);
    expect(await db().walletGrant.count({ where: { customerId: customer.id } })).toBe(1);
  });
});

describe("the invoice's files say what prepaid credits paid", () => {
  it("the PDF's totals and the lines CSV show the draw, and the CSV's amounts add up to what is outstanding", async () => {
    const { customer, period } = await billed();
    await grant(customer.id, "50.00");
    const { invoiceId } = await finalize(customer.id, period);
    const pdf = pdfText(await bytesOf((await exportInvoice({ actor: testActor, invoiceId, format: "pdf" })).body));
    for (const expected of ["Net due", "$104.95", "Paid from prepaid credits", "-$50.00", "Outstanding", "$54.95"]) {
      expect(pdf).toContain(expected);
    }
    const csv = new TextDecoder().decode(
      await bytesOf((await exportInvoice({ actor: testActor, invoiceId, format: "lines.csv" })).body),
    );
    const rows = csv
      .trimEnd()
      .split("\n")
      .slice(1)
      .map((line) => line.split(","));
    expect(rows.at(-1)).toEqual(["", "prepaid_credits", "Paid from prepaid credits", "", "", "-50.00", "USD", ""]);
    const cents = rows.reduce((s, r) => s + BigInt(r[5]!.replace(".", "")), 0n);
    expect(cents).toBe(5_495n);
  });
});

describe("a credit note on an invoice the wallet paid", () => {
  it("is the only way to cancel it: a void is refused, so the prepaid credits are never lost", async () => {
    const { customer, period } = await billed();
    await grant(customer.id, "10.00");
    const { invoiceId } = await finalize(customer.id, period);
    await expect(
      voidInvoice({ actor: testActor, input: { invoiceId, reason: "Issued by mistake" } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db().invoiceVoid.count({ where: { invoiceId } })).toBe(0);
  });

  it("gives what the wallet paid beyond the new net due back to the wallet as a grant that never expires", async () => {
    const { key } = await makeApiKey();
    const { customer, period } = await billed();
    await grant(customer.id, "200.00", day(30));
    const { invoiceId, number } = await finalize(customer.id, period);
    const response = await postCreditNote(
      apiRequest("/api/v1/credit-notes", {
        key,
        method: "POST",
        body: JSON.stringify({ invoiceId, amount: "30.00", reason: "Goodwill for the outage" }),
      }),
      routeParams({}),
    );
    expect(response.status).toBe(201);
    const note = await response.json();
    const refund = await db().walletGrant.findFirstOrThrow({ where: { customerId: customer.id, kind: "refund" } });
    expect(refund).toMatchObject({ amountMinor: 3_000n, expiresAt: null });
    expect(refund.reason).toBe(`Refund of credit note ${note.number} on ${number}`);
    expect(await readInvoice(key, invoiceId)).toMatchObject({
      netDue: "74.95",
      walletDrawn: "74.95",
      outstanding: "0.00",
      paymentStatus: "paid",
    });
    expect((await readWallet(key, customer.externalId)).balance).toBe("125.05"); // 200 − 104.95 + 30
  });

  it("only reduces what is owed when the wallet paid less than the new net due", async () => {
    const { key } = await makeApiKey();
    const { customer, period } = await billed();
    await grant(customer.id, "40.00");
    const { invoiceId } = await finalize(customer.id, period);
    await postCreditNote(
      apiRequest("/api/v1/credit-notes", {
        key,
        method: "POST",
        body: JSON.stringify({ invoiceId, amount: "30.00", reason: "Goodwill" }),
      }),
      routeParams({}),
    );
    expect(await db().walletGrant.count({ where: { customerId: customer.id, kind: "refund" } })).toBe(0);
    expect(await readInvoice(key, invoiceId)).toMatchObject({ walletDrawn: "40.00", outstanding: "34.95" });
  });
});

describe("the balance is never negative and never drawn twice", () => {
  it("finalizing two periods at once draws no more than the balance, each invoice once", async () => {
    const { customer, period, definition } = await billed();
    const next = new Date(Date.UTC(period.getUTCFullYear(), period.getUTCMonth() + 1, 1));
    const { sendAttempts } = await import("../support/fixtures");
    await sendAttempts(customer.externalId, definition.key, new Date(next.getTime() + DAY_MS), 6, 5);
    await grant(customer.id, "150.00", day(30), "Expires first");
    await grant(customer.id, "10.00", null, "Never expires");
    const [a, b] = await Promise.all([finalize(customer.id, period), finalize(customer.id, next)]);
    const invoices = await db().invoice.findMany({ where: { id: { in: [a.invoiceId, b.invoiceId] } } });
    const drawn = invoices.reduce((s, i) => s + i.walletDrawnMinor, 0n);
    expect(drawn).toBe(16_000n);
    const draws = await db().walletEntry.findMany({ where: { customerId: customer.id, kind: "draw" } });
    expect(draws.reduce((s, d) => s - d.amountMinor, 0n)).toBe(16_000n);
    for (const i of invoices) {
      const own = draws.filter((d) => d.invoiceId === i.id).reduce((s, d) => s - d.amountMinor, 0n);
      expect(own).toBe(i.walletDrawnMinor);
      expect(i.walletDrawnMinor).toBeLessThanOrEqual(i.totalMinor!);
    }
    await ledgerAddsUp(customer.id);
    expect((await getWallet({ actor: testActor, customerId: customer.id })).balanceMinor).toBe(0n);
  });

  it("a top-up racing a draw is either drawn or left in the wallet, never lost or drawn twice", async () => {
    for (let round = 0; round < 3; round++) {
      const { customer, period } = await billed();
      await grant(customer.id, "60.00", day(30));
      const [finalized] = await Promise.all([
        finalize(customer.id, period),
        grantWalletCredit({
          actor: testActor,
          input: { customerId: customer.id, kind: "top_up", amount: "70.00", reason: "Top-up" },
        }),
      ]);
      const invoice = await db().invoice.findUniqueOrThrow({ where: { id: finalized.invoiceId } });
      const wallet = await getWallet({ actor: testActor, customerId: customer.id });
      // Either the top-up landed before the draw (104.95 drawn, 25.05 left) or after (60 drawn, 70 left).
      expect([10_495n, 6_000n]).toContain(invoice.walletDrawnMinor);
      expect(invoice.walletDrawnMinor + wallet.balanceMinor).toBe(13_000n);
      await ledgerAddsUp(customer.id);
    }
  });

  it("the database refuses a grant drawn below zero and a second draw of one grant for one invoice", async () => {
    const { customer, period } = await billed();
    const g = await grant(customer.id, "10.00");
    const { invoiceId } = await finalize(customer.id, period);
    await expect(
      db().$executeRaw`UPDATE wallet_grant SET "remainingMinor" = "remainingMinor" - 1 WHERE "id" = ${g.id}::uuid`,
    ).rejects.toThrow(/wallet_grant_remaining_within_amount/);
    await expect(
      db().walletEntry.create({
        data: {
          customerId: customer.id,
          grantId: g.id,
          kind: "draw",
          amountMinor: -1n,
          invoiceId,
          at: clock.now(),
          recordedBy: "test",
        },
      }),
    ).rejects.toThrow();
    await expect(
      db().$executeRaw`UPDATE wallet_grant SET "remainingMinor" = "amountMinor" WHERE "id" = ${g.id}::uuid`,
    ).rejects.toThrow(/can only be drawn down/);
  });
});

describe("who may see and grant a wallet", () => {
  it("a customer's finance user sees its own wallet only and cannot grant", async () => {
    const mine = await makeCustomer();
    const other = await makeCustomer();
    await grant(mine.id, "12.00");
    await grant(other.id, "99.00");
    const finance = await makeUser("finance", mine.id);
    const caller = callerFor(finance, other.id);
    const wallet = await caller.wallet.get();
    expect(wallet.balanceMinor).toBe(1_200n);
    await expect(
      caller.wallet.grant({ customerId: mine.id, amount: "1000.00", reason: "Free money" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getWallet({ actor: finance, customerId: other.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      grantWalletCredit({ actor: finance, input: { customerId: mine.id, amount: "1.00", reason: "Free money" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db().walletGrant.count({ where: { customerId: mine.id } })).toBe(1);
  });

  it("a provider admin grants from the portal; a reviewer cannot", async () => {
    const customer = await makeCustomer();
    const admin = await makeUser("admin");
    const reviewer = await makeUser("reviewer");
    await callerFor(admin, customer.id).wallet.grant({ customerId: customer.id, amount: "5.00", reason: "Goodwill" });
    await expect(
      callerFor(reviewer, customer.id).wallet.grant({ customerId: customer.id, amount: "5.00", reason: "Goodwill" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await callerFor(reviewer, customer.id).wallet.get()).balanceMinor).toBe(500n);
  });
});
