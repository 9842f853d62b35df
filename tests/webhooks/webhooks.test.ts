import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { WebhookEventType } from "@/domain/webhooks/webhook-events";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { deliverWebhooks } from "@/server/jobs/deliver-webhooks";
import { evaluateSpendAlerts } from "@/server/services/alerts/evaluate-spend-alerts";
import { finalizeInvoice } from "@/server/services/invoicing/finalize-invoice";
import { issueManualCreditNote } from "@/server/services/invoicing/issue-credit-note";
import { claim, disputeSetup } from "../disputes/dispute-fixtures";
import { billedCustomer, monthsAgo } from "../invoicing/billed-period";
import { callerFor, makeContract, makeCustomer, makeUser, testActor } from "../support/fixtures";

/**
 * Verifies as a receiver whose clock agrees with the sender's: the library compares the
 * signed timestamp with Date.now(), and the suite may run with its clock pinned.
 */
function verifyAsReceiver(secret: string, body: string, headers: Record<string, string>) {
  const receiverClock = vi.spyOn(Date, "now").mockReturnValue(clock.now().getTime());
  try {
    return new Webhook(secret).verify(body, headers);
  } finally {
    receiverClock.mockRestore();
  }
}

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1 that answers with `status` after `delayMs` and keeps every request. */
const receiver = { status: 200, delayMs: 0, received: [] as Received[], url: "" };
const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    receiver.received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
    setTimeout(() => response.writeHead(receiver.status).end(), receiver.delayMs);
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let admin: Awaited<ReturnType<typeof makeUser>>;
const endpointsOfThisTest: string[] = [];
beforeAll(async () => {
  admin = await makeUser("admin");
});
// Endpoints are provider-wide: disabled after each test so no other test sends to them.
afterEach(async () => {
  for (const id of endpointsOfThisTest.splice(0)) await callerFor(admin).webhooks.disable({ id });
  receiver.status = 200;
  receiver.delayMs = 0;
});

async function makeEndpoint(events: WebhookEventType[]) {
  const endpoint = await callerFor(admin).webhooks.create({ url: receiver.url, description: "Test receiver", events });
  endpointsOfThisTest.push(endpoint.id);
  return endpoint;
}

async function finalizedInvoice() {
  const { customer, period } = await billedCustomer(() => ({}), 10, 7, monthsAgo(2));
  const invoice = await finalizeInvoice({ actor: testActor, input: { customerId: customer.id, periodStart: period } });
  return { customer, invoice };
}

const deliveriesOf = (endpointId: string) =>
  db().webhookDelivery.findMany({ where: { endpointId }, orderBy: { createdAt: "asc" } });
const receivedFor = (deliveryId: string) => receiver.received.filter((r) => r.headers["webhook-id"] === deliveryId);

describe("webhooks", () => {
  it("sends a signed invoice.finalized event after the finalization commits", async () => {
    const endpoint = await makeEndpoint(["invoice.finalized"]);
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const { customer, invoice } = await finalizedInvoice();

    const [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ eventType: "invoice.finalized", status: "pending", attempts: 0 });
    expect(receivedFor(delivery!.id)).toHaveLength(0); // nothing is sent inside the transaction

    await deliverWebhooks();
    const [request] = receivedFor(delivery!.id);
    expect(request).toBeDefined();
    const headers = {
      "webhook-id": String(request!.headers["webhook-id"]),
      "webhook-timestamp": String(request!.headers["webhook-timestamp"]),
      "webhook-signature": String(request!.headers["webhook-signature"]),
    };
    expect(verifyAsReceiver(endpoint.secret, request!.body, headers)).toMatchObject({
      type: "invoice.finalized",
      data: {
        invoiceId: invoice.invoiceId,
        number: invoice.number,
        customerExternalId: customer.externalId,
        totalMinor: invoice.totalMinor.toString(),
        currency: "USD",
        links: { invoice: expect.stringMatching(new RegExp(`/invoices/${invoice.invoiceId}$`)) },
      },
    });
    // The same signature recomputed by hand: base64 HMAC-SHA256 of "id.timestamp.body".
    const key = Buffer.from(endpoint.secret.slice("whsec_".length), "base64");
    const expected = createHmac("sha256", key)
      .update(`${headers["webhook-id"]}.${headers["webhook-timestamp"]}.${request!.body}`)
      .digest("base64");
    expect(headers["webhook-signature"]).toBe(`v1,${expected}`);
    expect(await deliveriesOf(endpoint.id)).toEqual([
      expect.objectContaining({ status: "delivered", attempts: 1, lastStatusCode: 200, lastError: null }),
    ]);
  });

  it("sends signed dispute.opened and dispute.resolved events that the receiver verifies", async () => {
    const endpoint = await makeEndpoint(["dispute.opened", "dispute.resolved"]);
    const s = await disputeSetup();
    const opened = await s.asFinance.disputes.open({
      ...claim,
      scope: { kind: "outcomes", attemptIds: [s.billable[0]!] },
    });
    await s.asReviewer.disputes.decide({
      disputeId: opened.disputeId,
      attemptIds: [s.billable[0]!],
      kind: "accept",
      rationale: "The ticket was reopened the next morning.",
      rootCause: "detection_error",
    });
    await deliverWebhooks();
    const mine = (await deliveriesOf(endpoint.id)).filter(
      (d) => (d.payload as { disputeId?: string }).disputeId === opened.disputeId,
    );
    expect(mine.map((d) => [d.eventType, d.status, d.lastStatusCode])).toEqual([
      ["dispute.opened", "delivered", 200],
      ["dispute.resolved", "delivered", 200],
    ]);
    const verified = mine.map((d) => {
      const [request] = receivedFor(d.id);
      return verifyAsReceiver(endpoint.secret, request!.body, {
        "webhook-id": String(request!.headers["webhook-id"]),
        "webhook-timestamp": String(request!.headers["webhook-timestamp"]),
        "webhook-signature": String(request!.headers["webhook-signature"]),
      });
    });
    expect(verified).toEqual([
      expect.objectContaining({
        type: "dispute.opened",
        data: expect.objectContaining({ number: opened.number, outcomes: 1, atStakeMinor: "99" }),
      }),
      expect.objectContaining({
        type: "dispute.resolved",
        data: expect.objectContaining({ number: opened.number, creditedMinor: "99" }),
      }),
    ]);
  });

  it("retries a failed delivery with backoff and shows the status code in the log", async () => {
    const endpoint = await makeEndpoint(["invoice.finalized"]);
    receiver.status = 500;
    await finalizedInvoice();
    const [delivery] = await deliveriesOf(endpoint.id);

    const now = clock.now();
    await deliverWebhooks({ now });
    const log = await callerFor(admin).webhooks.deliveries({ endpointId: endpoint.id });
    expect(log).toEqual([
      expect.objectContaining({ status: "pending", attempts: 1, lastStatusCode: 500, lastError: "HTTP 500" }),
    ]);
    expect(log[0]!.nextAttemptAt.getTime()).toBe(now.getTime() + 60_000);

    await deliverWebhooks({ now: new Date(now.getTime() + 30_000) }); // not due yet
    expect(receivedFor(delivery!.id)).toHaveLength(1);

    receiver.status = 204;
    await deliverWebhooks({ now: new Date(now.getTime() + 61_000) });
    expect(receivedFor(delivery!.id)).toHaveLength(2);
    expect(new Set(receivedFor(delivery!.id).map((r) => r.headers["webhook-id"]))).toEqual(new Set([delivery!.id]));
    expect(await deliveriesOf(endpoint.id)).toEqual([
      expect.objectContaining({ status: "delivered", attempts: 2, lastStatusCode: 204 }),
    ]);
  });

  it("gives a delivery up after six failed attempts", async () => {
    const endpoint = await makeEndpoint(["invoice.finalized"]);
    receiver.status = 503;
    await finalizedInvoice();
    let at = clock.now();
    for (let attempt = 1; attempt <= 6; attempt++) {
      await deliverWebhooks({ now: at });
      const [row] = await deliveriesOf(endpoint.id);
      expect(row).toMatchObject({ attempts: attempt, status: attempt < 6 ? "pending" : "failed" });
      at = new Date(row!.nextAttemptAt.getTime() + 1);
    }
  });

  it("delivers once when two runs of the job overlap", async () => {
    const endpoint = await makeEndpoint(["invoice.finalized"]);
    receiver.delayMs = 300;
    await finalizedInvoice();
    const [delivery] = await deliveriesOf(endpoint.id);

    await Promise.all([deliverWebhooks(), deliverWebhooks()]);
    expect(receivedFor(delivery!.id)).toHaveLength(1);
    expect(await deliveriesOf(endpoint.id)).toEqual([expect.objectContaining({ status: "delivered", attempts: 1 })]);
  });

  it("announces a crossed spend alert once, to the endpoints that subscribe to it", async () => {
    const alerts = await makeEndpoint(["spend_alert.crossed"]);
    const invoices = await makeEndpoint(["invoice.finalized"]);
    const customer = await makeCustomer();
    await makeContract(customer.id, { platformFee: "100" });
    const finance = await makeUser("finance", customer.id);
    await callerFor(finance).dashboard.createAlert({ kind: "amount", threshold: "50" });
    await evaluateSpendAlerts();
    await evaluateSpendAlerts();

    const deliveries = (await deliveriesOf(alerts.id)).filter(
      (d) => (d.payload as { customerExternalId?: string }).customerExternalId === customer.externalId,
    );
    expect(deliveries).toEqual([expect.objectContaining({ eventType: "spend_alert.crossed" })]);
    expect(deliveries[0]!.payload).toMatchObject({ kind: "amount", threshold: "50", totalMinor: "10000" });
    expect(await deliveriesOf(invoices.id)).toEqual([]);
  });

  it("announces a credit note to the endpoints that subscribe to it", async () => {
    const endpoint = await makeEndpoint(["credit_note.issued"]);
    const { customer, invoice } = await finalizedInvoice();
    expect(await deliveriesOf(endpoint.id)).toEqual([]);
    const creditNote = await issueManualCreditNote({
      actor: testActor,
      input: { invoiceId: invoice.invoiceId, amount: "1.50", reason: "Goodwill credit" },
    });
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({
      eventType: "credit_note.issued",
      payload: {
        creditNoteId: creditNote.id,
        number: creditNote.number,
        invoiceId: invoice.invoiceId,
        customerExternalId: customer.externalId,
        amountMinor: "150",
        currency: "USD",
      },
    });
  });

  it("stops sending to a disabled endpoint and records who disabled it", async () => {
    const endpoint = await makeEndpoint(["invoice.finalized"]);
    receiver.status = 500;
    await finalizedInvoice();
    await deliverWebhooks();
    expect(await callerFor(admin).webhooks.disable({ id: endpoint.id })).toMatchObject({ alreadyDisabled: false });
    expect(await callerFor(admin).webhooks.disable({ id: endpoint.id })).toMatchObject({ alreadyDisabled: true });
    endpointsOfThisTest.splice(0);

    await finalizedInvoice();
    expect(await deliveriesOf(endpoint.id)).toEqual([
      expect.objectContaining({ status: "failed", lastError: "The endpoint was disabled." }),
    ]);
    const audit = await db().auditEntry.findMany({ where: { subjectId: endpoint.id }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => [a.action, a.actorLabel])).toEqual([
      ["webhook_endpoint.created", admin.label],
      ["webhook_endpoint.disabled", admin.label],
    ]);
  });

  it("accepts only http and https URLs and only admins", async () => {
    const caller = callerFor(admin);
    for (const url of ["ftp://127.0.0.1/hooks", "file:///etc/passwd", "not a url"]) {
      await expect(caller.webhooks.create({ url, events: ["invoice.finalized"] })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    }
    await expect(caller.webhooks.create({ url: receiver.url, events: [] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const reviewer = callerFor(await makeUser("reviewer"));
    await expect(reviewer.webhooks.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
