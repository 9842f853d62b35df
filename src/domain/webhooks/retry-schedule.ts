// When a failed delivery is tried again: exponential backoff, then given up after six attempts.
const MINUTE = 60_000;

/** The wait after the n-th failed attempt (n = 1 … 5); there is no seventh attempt. */
const BACKOFF = [1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 120 * MINUTE, 360 * MINUTE];

export const MAX_DELIVERY_ATTEMPTS = BACKOFF.length + 1;

/** The time of the next attempt after `attempts` failed ones, or null when it has failed for good. */
export function nextAttemptAfter(attempts: number, failedAt: Date): Date | null {
  const wait = BACKOFF[attempts - 1];
  return wait === undefined ? null : new Date(failedAt.getTime() + wait);
}

/** 2xx is delivered; anything else (redirects too: they are not followed) is retried. */
export const isDelivered = (statusCode: number) => statusCode >= 200 && statusCode < 300;
