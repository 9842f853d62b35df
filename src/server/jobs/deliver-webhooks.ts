// The outbox worker: sends due webhook deliveries, signed per Standard Webhooks. A run claims
// its rows with FOR UPDATE SKIP LOCKED and moves their nextAttemptAt past the sending time in
// one short transaction, so a second run or instance skips them, no transaction stays open
// during HTTP calls, and rows of a crashed run become due again once the claim lapses.
// Requests go only to addresses the webhook rule allows (post-webhook.ts).
import { Webhook } from "standardwebhooks";
import { isDelivered, nextAttemptAfter } from "@/domain/webhooks/retry-schedule";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { postWebhook } from "./post-webhook";

const BATCH = 20;
const TIMEOUT_MS = 5_000;
/** Longer than a batch can take (parallel sends, each cut off after 5 s). */
const CLAIM_MS = 120_000;

interface ClaimedDelivery {
  id: string;
  eventType: string;
  payload: unknown;
  createdAt: Date;
  attempts: number;
  url: string;
  secret: string;
}

export async function deliverWebhooks({ now = clock.now() }: { now?: Date } = {}): Promise<{
  delivered: number;
  retried: number;
  failed: number;
}> {
  const totals = { delivered: 0, retried: 0, failed: 0 };
  for (;;) {
    const claimed = await claimDue(now);
    const outcomes = await Promise.all(claimed.map((delivery) => send(delivery, now)));
    for (const outcome of outcomes) totals[outcome] += 1;
    if (claimed.length < BATCH) return totals;
  }
}

function claimDue(now: Date) {
  return db().$queryRaw<ClaimedDelivery[]>`
    WITH due AS (
      SELECT d."id" FROM webhook_delivery d
      WHERE d."status" = 'pending' AND d."nextAttemptAt" <= ${now}::timestamptz
      ORDER BY d."nextAttemptAt"
      LIMIT ${BATCH}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE webhook_delivery d SET "nextAttemptAt" = ${new Date(now.getTime() + CLAIM_MS)}::timestamptz
    FROM due, webhook_endpoint e
    WHERE d."id" = due."id" AND e."id" = d."endpointId"
    RETURNING d."id", d."eventType", d."payload", d."createdAt", d."attempts", e."url", e."secret"`;
}

async function send(delivery: ClaimedDelivery, now: Date): Promise<"delivered" | "retried" | "failed"> {
  // The envelope Standard Webhooks recommends; webhook-id stays the same on every retry, so the
  // receiver can drop duplicates.
  const body = JSON.stringify({
    type: delivery.eventType,
    timestamp: delivery.createdAt.toISOString(),
    data: delivery.payload,
  });
  const sentAt = clock.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    statusCode = await postWebhook(delivery.url, {
      headers: {
        "content-type": "application/json",
        "user-agent": "OutcomeLedger-Webhooks/1",
        "webhook-id": delivery.id,
        "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
        "webhook-signature": new Webhook(delivery.secret).sign(delivery.id, sentAt, body),
      },
      body,
      timeoutMs: TIMEOUT_MS,
    });
    if (!isDelivered(statusCode)) error = `HTTP ${statusCode}`;
  } catch (cause) {
    error = describeFailure(cause);
  }
  const attempts = delivery.attempts + 1;
  const retryAt = error === null ? null : nextAttemptAfter(attempts, now);
  const status = error === null ? "delivered" : retryAt ? "pending" : "failed";
  await db().webhookDelivery.update({
    where: { id: delivery.id },
    data: {
      status,
      attempts,
      lastAttemptAt: sentAt,
      lastStatusCode: statusCode,
      lastError: error,
      ...(retryAt ? { nextAttemptAt: retryAt } : {}),
    },
  });
  return status === "pending" ? "retried" : status;
}

function describeFailure(cause: unknown): string {
  if (cause instanceof Error && (cause.name === "TimeoutError" || cause.name === "AbortError")) {
    return `No answer within ${TIMEOUT_MS / 1000} s.`;
  }
  const inner = cause instanceof Error && cause.cause instanceof Error ? cause.cause.message : null;
  return (inner ?? (cause instanceof Error ? cause.message : String(cause))).slice(0, 500);
}
