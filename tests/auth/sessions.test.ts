// A session token copied before sign-out, a password change, a role change or a deactivation
// is refused afterwards, while other users' sessions go on. Tokens are made and read the way
// next-auth does on sign-in and on each request (the jwt and session callbacks around an
// encrypted JWT), and turned into an actor by `actorForSession`, which `currentActor` runs.
import type { Session } from "next-auth";
import { decode, encode, type JWT } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { actorForSession } from "@/server/auth/current-actor";
import { authOptions } from "@/server/auth/options";
import { db } from "@/server/db";
import { callerFor, makeCustomer, makeUser, TEST_PASSWORD } from "../support/fixtures";

const SECRET = "integration-test-session-secret";
type JwtParams = Parameters<NonNullable<NonNullable<typeof authOptions.callbacks>["jwt"]>>[0];
type SessionParams = Parameters<NonNullable<NonNullable<typeof authOptions.callbacks>["session"]>>[0];

/** The session cookie's value after signing in now (what `authorize` returned → jwt callback → JWT). */
async function signIn(userId: string): Promise<string> {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
  const signedIn = {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    customerId: user.customerId,
    sessionVersion: user.sessionVersion,
  };
  const token = await authOptions.callbacks!.jwt!({
    token: { name: user.name, email: user.email, sub: user.id },
    user: signedIn,
    account: { provider: "credentials", type: "credentials", providerAccountId: user.id },
    trigger: "signIn",
  } as JwtParams);
  return encode({ token, secret: SECRET });
}

/** The actor a request carrying this cookie gets (decode → jwt callback → session callback → actorForSession). */
async function actorOf(cookie: string) {
  const decoded = await decode({ token: cookie, secret: SECRET });
  if (!decoded) return null;
  const token = await authOptions.callbacks!.jwt!({ token: decoded } as JwtParams);
  const session = await authOptions.callbacks!.session!({
    session: { user: { name: token.name, email: token.email }, expires: "" },
    token,
  } as unknown as SessionParams);
  return actorForSession(session as Session);
}

async function twoSignedInUsers() {
  const customer = await makeCustomer();
  const [user, other] = await Promise.all([makeUser("finance", customer.id), makeUser("finance", customer.id)]);
  const [userCookie, otherCookie] = await Promise.all([signIn(user.userId), signIn(other.userId)]);
  expect(await actorOf(userCookie)).toMatchObject({ userId: user.userId });
  return { customer, user, other, userCookie, otherCookie };
}

describe("sessions end", () => {
  it("on sign-out: the copied token is refused, a new sign-in works, other users stay signed in", async () => {
    const { user, other, userCookie, otherCookie } = await twoSignedInUsers();
    await authOptions.events!.signOut!({ token: (await decode({ token: userCookie, secret: SECRET }))! } as never);
    expect(await actorOf(userCookie)).toBeNull();
    expect(await actorOf(otherCookie)).toMatchObject({ userId: other.userId });
    expect(await actorOf(await signIn(user.userId))).toMatchObject({ userId: user.userId });
  });

  it("not again when a stale copy signs out: the new session goes on", async () => {
    const { user, userCookie } = await twoSignedInUsers();
    const stale = (await decode({ token: userCookie, secret: SECRET }))!;
    await authOptions.events!.signOut!({ token: stale } as never);
    const fresh = await signIn(user.userId);
    await authOptions.events!.signOut!({ token: stale } as never);
    expect(await actorOf(fresh)).toMatchObject({ userId: user.userId });
  });

  it("on a password change: every session of the user, the one that changed it too", async () => {
    const { user, other, userCookie, otherCookie } = await twoSignedInUsers();
    const actor = (await actorOf(userCookie))!;
    await callerFor(actor).users.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "a-new-password-2026" });
    expect(await actorOf(userCookie)).toBeNull();
    expect(await actorOf(otherCookie)).toMatchObject({ userId: other.userId });
    expect(await actorOf(await signIn(user.userId))).toMatchObject({ userId: user.userId });
  });

  it("on a role change: the token with the old role is refused, the admin's own session goes on", async () => {
    const { customer, user, other, userCookie, otherCookie } = await twoSignedInUsers();
    const admin = await makeUser("admin");
    const adminCookie = await signIn(admin.userId);
    await callerFor((await actorOf(adminCookie))!).users.changeRole({
      userId: user.userId,
      role: "viewer",
      customerId: customer.id,
    });
    expect(await actorOf(userCookie)).toBeNull();
    expect(await actorOf(otherCookie)).toMatchObject({ userId: other.userId });
    expect(await actorOf(adminCookie)).toMatchObject({ userId: admin.userId });
    expect(await actorOf(await signIn(user.userId))).toMatchObject({ role: "viewer" });
  });

  it("on deactivation: the user's token is refused, other users stay signed in", async () => {
    const { user, other, userCookie, otherCookie } = await twoSignedInUsers();
    const admin = await makeUser("admin");
    await callerFor(admin).users.deactivate({ userId: user.userId });
    expect(await actorOf(userCookie)).toBeNull();
    expect(await actorOf(otherCookie)).toMatchObject({ userId: other.userId });
  });

  it("for tokens from before session versions", async () => {
    const { user, userCookie } = await twoSignedInUsers();
    const decoded = (await decode({ token: userCookie, secret: SECRET }))!;
    const { sessionVersion: _, ...legacy } = decoded;
    expect(await actorOf(await encode({ token: legacy as JWT, secret: SECRET }))).toBeNull();
    expect(await actorOf(userCookie)).toMatchObject({ userId: user.userId });
  });
});
