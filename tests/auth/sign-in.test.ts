// Sign-in and its brute-force throttle. Every test that signs in lives in this file: the
// throttle's global key is one row for the whole deployment, so tests that spray it must not
// run beside other sign-ins (tests in one file run one after another).
import { randomInt } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { THROTTLE_RULES } from "@/domain/access/sign-in-throttle";
import { authOptions } from "@/server/auth/options";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { forgetStaleThrottles } from "@/server/services/auth/internal/throttle-store";
import { verifySignIn } from "@/server/services/auth/verify-sign-in";
import { makeCustomer, makeUser, TEST_PASSWORD } from "../support/fixtures";

// Counts every Argon2 verification, whichever path makes it (a known user's hash or the
// stand-in for unknown addresses).
const argon2 = vi.hoisted(() => ({ verifications: 0 }));
vi.mock(import("@node-rs/argon2"), async (original) => {
  const real = await original();
  return {
    ...real,
    verify: async (...args: Parameters<typeof real.verify>) => {
      argon2.verifications++;
      return real.verify(...args);
    },
  };
});

/** A fresh address per call, so tests never share an address key. */
const anAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => ({ code: "SIGNED_IN", message: "" }),
    (error: { code: string; message: string }) => ({ code: error.code, message: error.message }),
  );

const countsOf = (key: string) => db().signInThrottle.findUnique({ where: { key } });

beforeEach(async () => {
  // The global key counts every failure in the deployment; each test starts from none.
  await db().signInThrottle.deleteMany({ where: { key: "global" } });
  argon2.verifications = 0;
});
afterEach(() => db().signInThrottle.deleteMany({ where: { key: "global" } }));

describe("sign-in", () => {
  it("signs in with the right password and carries role, customer and session version", async () => {
    const customer = await makeCustomer();
    const user = await makeUser("finance", customer.id);
    await expect(verifySignIn({ email: user.email.toUpperCase(), password: TEST_PASSWORD })).resolves.toMatchObject({
      id: user.userId,
      role: "finance",
      customerId: customer.id,
      sessionVersion: 0,
    });
  });

  it("answers a wrong password, an unknown address and a disabled account alike, each after one Argon2 check", async () => {
    const user = await makeUser("admin");
    const disabled = await makeUser("reviewer");
    await db().user.update({ where: { id: disabled.userId }, data: { disabledAt: clock.now() } });
    const wrong = await failure(verifySignIn({ email: user.email, password: "nope" }));
    expect(argon2.verifications).toBe(1);
    const unknown = await failure(verifySignIn({ email: "nobody@example.test", password: "nope" }));
    expect(argon2.verifications).toBe(2);
    const off = await failure(verifySignIn({ email: disabled.email, password: TEST_PASSWORD }));
    expect(argon2.verifications).toBe(3);
    expect(wrong).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(unknown).toEqual(wrong);
    expect(off).toEqual(wrong);
  });

  it("locks the account on the guessing address after the allowance, even for the right password, until the lock passes", async () => {
    const user = await makeUser("reviewer");
    const address = anAddress();
    const allowance = THROTTLE_RULES["account-address"].allowance;
    for (let i = 1; i < allowance; i++) {
      expect(
        await failure(verifySignIn({ email: user.email, password: "guess" }, { clientAddress: address })),
      ).toMatchObject({
        code: "UNAUTHENTICATED",
      });
    }
    expect(await failure(verifySignIn({ email: user.email, password: "guess" }, { clientAddress: address }))).toEqual({
      code: "RATE_LIMITED",
      message: "Too many failed sign-in attempts for this e-mail address. For your security, try again in 1 minute.",
    });
    expect(
      await failure(verifySignIn({ email: user.email, password: TEST_PASSWORD }, { clientAddress: address })),
    ).toMatchObject({ code: "RATE_LIMITED" });
    const later = new Date(clock.now().getTime() + 61_000);
    await expect(
      verifySignIn({ email: user.email, password: TEST_PASSWORD }, { clientAddress: address, now: later }),
    ).resolves.toMatchObject({ id: user.userId });
    expect(await countsOf(`account-address:${user.email}|${address}`)).toBeNull(); // a success forgets the guesses
  });

  it("refuses an unknown address with the same words and the same cost as a known one", async () => {
    const user = await makeUser("admin");
    const address = anAddress();
    const guess = (email: string) => failure(verifySignIn({ email, password: "guess" }, { clientAddress: address }));
    const known = [];
    const unknown = [];
    for (let i = 0; i <= THROTTLE_RULES["account-address"].allowance; i++) known.push(await guess(user.email));
    const knownChecks = argon2.verifications;
    const ghost = `ghost-${randomInt(1e9)}@example.test`;
    for (let i = 0; i <= THROTTLE_RULES["account-address"].allowance; i++) unknown.push(await guess(ghost));
    expect(unknown).toEqual(known);
    expect(argon2.verifications - knownChecks).toBe(knownChecks);
  });
});

describe("sign-in throttle under concurrent guessing", () => {
  it("counts 100 concurrent wrong passwords exactly and checks only the allowance", async () => {
    const user = await makeUser("admin");
    const address = anAddress();
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        failure(verifySignIn({ email: user.email, password: `guess-${i}` }, { clientAddress: address })),
      ),
    );
    const allowance = THROTTLE_RULES["account-address"].allowance;
    expect(argon2.verifications).toBe(allowance);
    expect(results.filter((r) => r.code === "UNAUTHENTICATED")).toHaveLength(allowance - 1);
    expect(results.filter((r) => r.code === "RATE_LIMITED")).toHaveLength(100 - (allowance - 1));
    expect(await countsOf(`account-address:${user.email}|${address}`)).toMatchObject({
      attempts: 100,
      admitted: allowance,
    });
    expect(await countsOf(`account:${user.email}`)).toMatchObject({ attempts: 100, admitted: allowance });
    expect(await countsOf(`address:${address}`)).toMatchObject({ attempts: 100, admitted: allowance });
  });

  it("refuses the right password among 30 concurrent guesses once the allowance is used, without checking any", async () => {
    const user = await makeUser("admin");
    const address = anAddress();
    for (let i = 0; i < THROTTLE_RULES["account-address"].allowance; i++) {
      await failure(verifySignIn({ email: user.email, password: `guess-${i}` }, { clientAddress: address }));
    }
    argon2.verifications = 0;
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        failure(
          verifySignIn(
            { email: user.email, password: i === 17 ? TEST_PASSWORD : `other-${i}` },
            { clientAddress: address },
          ),
        ),
      ),
    );
    expect(results.map((r) => r.code)).toEqual(Array(30).fill("RATE_LIMITED"));
    expect(argon2.verifications).toBe(0);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.userId } })).lastSignInAt).toBeNull();
  });

  it("does not lock the account for its owner on another address when one address guesses", async () => {
    const user = await makeUser("admin");
    const attacker = anAddress();
    await Promise.all(
      Array.from({ length: 50 }, () =>
        failure(verifySignIn({ email: user.email, password: "guess" }, { clientAddress: attacker })),
      ),
    );
    await expect(
      verifySignIn({ email: user.email, password: TEST_PASSWORD }, { clientAddress: anAddress() }),
    ).resolves.toMatchObject({ id: user.userId });
    expect(
      await failure(verifySignIn({ email: user.email, password: TEST_PASSWORD }, { clientAddress: attacker })),
    ).toMatchObject({ code: "RATE_LIMITED" });
  });

  it("backs off only gently when many addresses guess one account, and not at all where its owner signed in before", async () => {
    const user = await makeUser("admin");
    const home = anAddress();
    await verifySignIn({ email: user.email, password: TEST_PASSWORD }, { clientAddress: home });
    // Many addresses, a few guesses each: under every per-address allowance.
    const rule = THROTTLE_RULES.account;
    for (let i = 0; i < rule.allowance; i += 2) {
      const address = anAddress();
      await failure(verifySignIn({ email: user.email, password: "guess-1" }, { clientAddress: address }));
      await failure(verifySignIn({ email: user.email, password: "guess-2" }, { clientAddress: address }));
    }
    const elsewhere = await failure(
      verifySignIn({ email: user.email, password: TEST_PASSWORD }, { clientAddress: anAddress() }),
    );
    expect(elsewhere).toEqual({
      code: "RATE_LIMITED",
      message: "Too many failed sign-in attempts for this e-mail address. For your security, try again in 15 seconds.",
    });
    await expect(
      verifySignIn({ email: user.email, password: TEST_PASSWORD }, { clientAddress: home }),
    ).resolves.toMatchObject({ id: user.userId });
  });

  it("limits one address trying many accounts", async () => {
    const address = anAddress();
    const allowance = THROTTLE_RULES.address.allowance;
    const emails = Array.from({ length: allowance + 1 }, (_, i) => `someone-${i}-${randomInt(1e9)}@example.test`);
    for (const email of emails.slice(0, allowance)) {
      await failure(verifySignIn({ email, password: "guess" }, { clientAddress: address }));
    }
    expect(
      await failure(verifySignIn({ email: emails[allowance]!, password: "guess" }, { clientAddress: address })),
    ).toEqual({
      code: "RATE_LIMITED",
      message: "Too many failed sign-in attempts from your network. For your security, try again in 1 minute.",
    });
  });

  // A hundred real Argon2 checks: allowed more time than the default on a busy machine.
  it("pauses every sign-in briefly when guesses spray many accounts from many addresses", {
    timeout: 120_000,
  }, async () => {
    const allowance = THROTTLE_RULES.global.allowance;
    const sprayed = Array.from({ length: allowance }, (_, i) => `sprayed-${i}-${randomInt(1e9)}@example.test`);
    for (let i = 0; i < sprayed.length; i += 20) {
      await Promise.all(
        sprayed
          .slice(i, i + 20)
          .map((email) => failure(verifySignIn({ email, password: "Winter2026!" }, { clientAddress: anAddress() }))),
      );
    }
    expect(argon2.verifications).toBe(allowance);
    const bystander = await makeUser("finance", (await makeCustomer()).id);
    const refused = await failure(
      verifySignIn({ email: bystander.email, password: TEST_PASSWORD }, { clientAddress: anAddress() }),
    );
    expect(refused.code).toBe("RATE_LIMITED");
    expect(refused.message).toMatch(/^Sign-in is paused briefly because of unusually many failed attempts\./);
    expect(argon2.verifications).toBe(allowance);
    const shortlyAfter = new Date(clock.now().getTime() + THROTTLE_RULES.global.firstLockMs + 1_000);
    await expect(
      verifySignIn(
        { email: bystander.email, password: TEST_PASSWORD },
        { clientAddress: anAddress(), now: shortlyAfter },
      ),
    ).resolves.toMatchObject({ id: bystander.userId });
  });
});

describe("forgetting sign-in counts", () => {
  it("drops windows that are over and keeps running windows and locks", async () => {
    const now = clock.now();
    const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
    const prefix = `forget-${randomInt(1e9)}`;
    await db().signInThrottle.createMany({
      data: [
        { key: `${prefix}-over`, attempts: 3, admitted: 3, windowEndsAt: minutes(-1) },
        { key: `${prefix}-running`, attempts: 3, admitted: 3, windowEndsAt: minutes(1) },
        { key: `${prefix}-locked`, attempts: 9, admitted: 5, windowEndsAt: minutes(-1), lockedUntil: minutes(5) },
      ],
    });
    await forgetStaleThrottles(now);
    const left = await db().signInThrottle.findMany({
      where: { key: { startsWith: prefix } },
      orderBy: { key: "asc" },
    });
    expect(left.map((row) => row.key)).toEqual([`${prefix}-locked`, `${prefix}-running`]);
  });
});

describe("the client address of a sign-in request", () => {
  const authorize = (email: string, password: string, forwardedFor: string) => {
    const provider = authOptions.providers[0];
    if (provider?.type !== "credentials") throw new Error("expected the credentials provider");
    return provider.options.authorize({ email, password }, { headers: { "x-forwarded-for": forwardedFor } });
  };
  afterEach(() => {
    delete process.env.TRUSTED_PROXY_HOPS;
  });

  it("is the address our proxy vouches for, whatever the client wrote before it", async () => {
    process.env.TRUSTED_PROXY_HOPS = "1";
    const user = await makeUser("admin");
    const attacker = anAddress();
    for (let i = 0; i < THROTTLE_RULES["account-address"].allowance; i++) {
      await failure(authorize(user.email, "guess", `${anAddress()}, ${attacker}`));
    }
    expect(await countsOf(`account-address:${user.email}|${attacker}`)).toMatchObject({ attempts: 5 });
    await expect(authorize(user.email, TEST_PASSWORD, `${attacker}, ${anAddress()}`)).resolves.toMatchObject({
      id: user.userId,
    });
  });

  it("is not read from X-Forwarded-For unless proxies are trusted", async () => {
    const user = await makeUser("admin");
    const address = anAddress();
    await failure(authorize(user.email, "guess", address));
    expect(await countsOf(`address:${address}`)).toBeNull();
    expect(await countsOf(`account:${user.email}`)).toMatchObject({ attempts: 1 });
  });
});
