import { beforeAll, describe, expect, it } from "vitest";
import { clock } from "@/server/clock";
import { callerFor, makeCustomer, makeUser } from "../support/fixtures";

describe("role procedures (enforced on the server)", () => {
  let globex: Awaited<ReturnType<typeof makeCustomer>>;
  let initech: Awaited<ReturnType<typeof makeCustomer>>;
  let globexFinance: Awaited<ReturnType<typeof makeUser>>;
  let initechViewer: Awaited<ReturnType<typeof makeUser>>;
  let admin: Awaited<ReturnType<typeof makeUser>>;
  let reviewer: Awaited<ReturnType<typeof makeUser>>;

  beforeAll(async () => {
    [globex, initech] = await Promise.all([makeCustomer(), makeCustomer()]);
    [globexFinance, initechViewer, admin, reviewer] = await Promise.all([
      makeUser("finance", globex.id),
      makeUser("viewer", initech.id),
      makeUser("admin"),
      makeUser("reviewer"),
    ]);
  });

  it("refuses every procedure to a visitor who is not signed in", async () => {
    await expect(callerFor(null).customers.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerFor(null).session.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("answers NOT_FOUND, never the data, when a customer user asks for another customer by id", async () => {
    const caller = callerFor(globexFinance);
    await expect(caller.customers.byId({ customerId: initech.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.users.byId({ userId: initechViewer.userId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.customers.byId({ customerId: globex.id })).resolves.toMatchObject({ id: globex.id });
  });

  it("lists only the customer user's own company and colleagues", async () => {
    const caller = callerFor(globexFinance);
    expect((await caller.customers.list()).map((c) => c.id)).toEqual([globex.id]);
    const users = await caller.users.list();
    expect(users.length).toBeGreaterThan(0);
    expect(users.every((u) => u.customerId === globex.id)).toBe(true);
  });

  it("ignores a customer user's attempt to view another customer's portal", async () => {
    const caller = callerFor(globexFinance, initech.id);
    expect((await caller.session.viewedCustomer()).id).toBe(globex.id);
  });

  it("refuses provider procedures to customer users", async () => {
    await expect(callerFor(globexFinance).customers.view({ customerId: globex.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerFor(initechViewer).audit.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps admin-only procedures from reviewers", async () => {
    await expect(callerFor(reviewer).audit.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(admin).audit.list({ limit: 1 })).resolves.toHaveProperty("entries");
  });

  it("lets provider staff see any customer and switch the portal between them", async () => {
    const caller = callerFor(reviewer, initech.id);
    await expect(caller.customers.byId({ customerId: globex.id })).resolves.toMatchObject({ id: globex.id });
    expect((await caller.session.viewedCustomer()).id).toBe(initech.id);
    const headers = new Headers();
    const { createCaller } = await import("@/server/trpc/root");
    await createCaller({ actor: reviewer, viewedCustomerId: null, resHeaders: headers }).customers.view({
      customerId: globex.id,
    });
    expect(headers.get("set-cookie")).toContain(`ol_viewed_customer=${globex.id}`);
  });

  it("answers NOT_FOUND when provider staff switch to a customer that does not exist", async () => {
    await expect(
      callerFor(admin).customers.view({ customerId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("rejects malformed input with the field that is wrong", async () => {
    await expect(callerFor(admin).customers.byId({ customerId: "not-a-uuid" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("re-reads the user on each request, so a disabled account loses access at once", async () => {
    const { actorForUserId } = await import("@/server/auth/current-actor");
    const { db } = await import("@/server/db");
    const user = await makeUser("viewer", globex.id);
    await db().user.update({ where: { id: user.userId }, data: { disabledAt: clock.now() } });
    expect(await actorForUserId(user.userId)).toBeNull();
  });
});
