import { createHmac } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
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
import { webhookReceiver } from "../support/webhook-receiver";

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

/** Host names these tests resolve themselves (the machine has no DNS for them); others resolve as usual. */
const fakeDns = vi.hoisted(() => new Map<string, string[]>());
vi.mock(import("node:dns"), async (original) => {
  const dns = await original();
  const lookup = ((hostname: string, options: object, callback: (...args: unknown[]) => void) => {
    const addresses = fakeDns.get(hostname);
    if (!addresses) return dns.lookup(hostname, options as never, callback as never);
    callback(
      null,
      addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })),
    );
  }) as typeof dns.lookup;
  return { ...dns, lookup, default: { ...dns.default, lookup } };
});

/** A receiver on 127.0.0.1, a loopback address the tests allow as a provider would allow its own network. */
const receiver = webhookReceiver();
beforeEach(() => {
  vi.stubEnv("WEBHOOK_ALLOWED_PRIVATE_HOSTS", "127.0.0.1");
});

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
  vi.unstubAllEnvs();
});

async function makeEndpoint(events: WebhookEventType[], url = receiver.url) {
  const endpoint = await callerFor(admin).webhooks.create({ url, description: "Test receiver", events });
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

describe("where webhooks may go (SSRF)", () => {
  const refusal = /webhooks are sent only to public addresses unless WEBHOOK_ALLOWED_PRIVATE_HOSTS/;

  it("refuses an endpoint on a private, loopback, link-local or metadata address, however it is spelled", async () => {
    vi.stubEnv("WEBHOOK_ALLOWED_PRIVATE_HOSTS", "");
    const port = receiver.port;
    const endpointsBefore = await db().webhookEndpoint.count();
    for (const url of [
      receiver.url,
      `http://2130706433:${port}/hooks`,
      `http://0x7f.1:${port}/hooks`,
      `http://0177.0.0.1:${port}/hooks`,
      `http://[::1]:${port}/hooks`,
      `http://[::ffff:127.0.0.1]:${port}/hooks`,
      `http://localhost:${port}/hooks`,
      "http://169.254.169.254/latest/meta-data/",
      "http://[fd00:ec2::254]/latest/meta-data/",
      "http://100.100.100.200/latest/meta-data/",
      "https://10.0.0.5/hooks",
      "https://192.168.1.20/hooks",
      "http://[fe80::1]/hooks",
      "http://0.0.0.0/",
      "http://[::]/",
      "http://224.0.0.1/",
    ]) {
      await expect(callerFor(admin).webhooks.create({ url, events: ["invoice.finalized"] }), url).rejects.toMatchObject(
        { code: "BAD_REQUEST", message: expect.stringMatching(refusal) },
      );
    }
    expect(await db().webhookEndpoint.count()).toBe(endpointsBefore);
  });

  it("accepts a private receiver once the provider allows its range", async () => {
    vi.stubEnv("WEBHOOK_ALLOWED_PRIVATE_HOSTS", "10.0.0.0/8, 127.0.0.0/8");
    const endpoint = await makeEndpoint(["invoice.finalized"]);
    expect(endpoint.url).toBe(receiver.url);
  });

  it("refuses at delivery a host name that resolves to a private address, and says so in the log", async () => {
    fakeDns.set("metadata.example.test", ["169.254.169.254"]);
    const endpoint = await makeEndpoint(["invoice.finalized"], "http://metadata.example.test/latest/meta-data/");
    await finalizedInvoice();
    await deliverWebhooks();
    expect(await deliveriesOf(endpoint.id)).toEqual([
      expect.objectContaining({
        status: "pending",
        attempts: 1,
        lastStatusCode: null,
        lastError: expect.stringMatching(
          /^metadata\.example\.test resolves to 169\.254\.169\.254, which is a link-local/,
        ),
      }),
    ]);
  });

  it("refuses a host when any one of its addresses is private (a rebinding answer)", async () => {
    fakeDns.set("mixed.example.test", ["93.184.215.14", "10.0.0.7"]);
    const endpoint = await makeEndpoint(["invoice.finalized"], "https://mixed.example.test/hooks");
    await finalizedInvoice();
    await deliverWebhooks();
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery!.lastError).toMatch(
      /mixed\.example\.test resolves to 10\.0\.0\.7, which is a private network address/,
    );
  });

  it("connects to the address it checked, and only while the provider allows it", async () => {
    fakeDns.set("receiver.example.test", ["127.0.0.1"]);
    vi.stubEnv("WEBHOOK_ALLOWED_PRIVATE_HOSTS", "127.0.0.1/32");
    const endpoint = await makeEndpoint(["invoice.finalized"], `http://receiver.example.test:${receiver.port}/hooks`);
    await finalizedInvoice();
    await deliverWebhooks();
    const [delivered] = await deliveriesOf(endpoint.id);
    expect(delivered).toMatchObject({ status: "delivered", lastStatusCode: 200 });
    // No real DNS knows this name: the request reached the receiver at the address that was checked.
    expect(receivedFor(delivered!.id)[0]!.headers.host).toBe(`receiver.example.test:${receiver.port}`);

    vi.stubEnv("WEBHOOK_ALLOWED_PRIVATE_HOSTS", "");
    await finalizedInvoice();
    await deliverWebhooks();
    const [, refused] = await deliveriesOf(endpoint.id);
    expect(refused).toMatchObject({ status: "pending", lastError: expect.stringMatching(/resolves to 127\.0\.0\.1/) });
    expect(receivedFor(refused!.id)).toHaveLength(0);
  });

  it("refuses at delivery an endpoint on a literal private address stored before the rule", async () => {
    vi.stubEnv("WEBHOOK_ALLOWED_PRIVATE_HOSTS", "");
    const endpoint = await db().webhookEndpoint.create({
      data: {
        url: `http://[::ffff:127.0.0.1]:${receiver.port}/hooks`,
        description: "Stored before the rule",
        events: ["invoice.finalized"],
        secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
      },
    });
    endpointsOfThisTest.push(endpoint.id);
    await finalizedInvoice();
    await deliverWebhooks();
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({
      status: "pending",
      lastError: expect.stringMatching(/^::ffff:7f00:1 is a loopback address/),
    });
    expect(receivedFor(delivery!.id)).toHaveLength(0);
  });
});
