import { describe, expect, it } from "vitest";
import { FREE_ATTEMPTS } from "@/domain/access/sign-in-throttle";
import { clock } from "@/server/clock";
import { verifySignIn } from "@/server/services/auth/verify-sign-in";
import { makeCustomer, makeUser, TEST_PASSWORD } from "../support/fixtures";

describe("sign-in", () => {
  it("signs in with the right password and carries role and customer", async () => {
    const customer = await makeCustomer();
    const user = await makeUser("finance", customer.id);
    await expect(verifySignIn({ email: user.email.toUpperCase(), password: TEST_PASSWORD })).resolves.toMatchObject({
      id: user.userId,
      role: "finance",
      customerId: customer.id,
    });
  });

  it("answers a wrong password and an unknown address with the same words", async () => {
    const user = await makeUser("admin");
    const wrong = await verifySignIn({ email: user.email, password: "nope" }).catch((e) => e);
    const unknown = await verifySignIn({ email: "nobody@example.test", password: "nope" }).catch((e) => e);
    expect(wrong).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(unknown.message).toBe(wrong.message);
  });

  it("locks the address after repeated failures, even for the right password", async () => {
    const user = await makeUser("reviewer");
    for (let i = 0; i < FREE_ATTEMPTS - 1; i++) {
      await expect(verifySignIn({ email: user.email, password: "guess" })).rejects.toMatchObject({
        code: "UNAUTHENTICATED",
      });
    }
    await expect(verifySignIn({ email: user.email, password: "guess" })).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
    await expect(verifySignIn({ email: user.email, password: TEST_PASSWORD })).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringContaining("locked"),
    });
    const later = new Date(clock.now().getTime() + 2 * 60_000);
    await expect(verifySignIn({ email: user.email, password: TEST_PASSWORD }, later)).resolves.toMatchObject({
      id: user.userId,
    });
  });

  it("refuses a disabled account", async () => {
    const { db } = await import("@/server/db");
    const user = await makeUser("admin");
    await db().user.update({ where: { id: user.userId }, data: { disabledAt: clock.now() } });
    await expect(verifySignIn({ email: user.email, password: TEST_PASSWORD })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });
});
