// The last active admin can neither be demoted nor deactivated, not even by two admins
// removing each other at the same moment. Counting admins needs a deployment no other test
// adds admins to, so this file has a database of its own.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { changeUserRole } from "@/server/services/users/change-user-role";
import { deactivateUser } from "@/server/services/users/deactivate-user";
import { runOnOwnDatabase } from "../support/database-roles";
import { callerFor, makeUser } from "../support/fixtures";

runOnOwnDatabase();

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => "done",
    (error: { code?: string }) => error.code ?? String(error),
  );

describe("the last active admin", () => {
  it("cannot demote or deactivate themselves, and may once another admin exists", async () => {
    const only = await makeUser("admin");
    const caller = callerFor(only);
    await expect(caller.users.changeRole({ userId: only.userId, role: "reviewer" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("only active admin"),
    });
    await expect(caller.users.deactivate({ userId: only.userId })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db().user.findUniqueOrThrow({ where: { id: only.userId } })).toMatchObject({
      role: "admin",
      disabledAt: null,
      sessionVersion: 0,
    });

    const second = await makeUser("admin");
    await expect(caller.users.changeRole({ userId: only.userId, role: "reviewer" })).resolves.toMatchObject({
      role: "reviewer",
    });
    await expect(callerFor(second).users.deactivate({ userId: second.userId })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("survives two admins removing each other at once: one change is made, the other refused", async () => {
    await db().user.updateMany({ where: { role: "admin" }, data: { role: "reviewer" } });
    const a = await makeUser("admin");
    const b = await makeUser("admin");
    const results = await Promise.all([
      outcome(changeUserRole({ actor: a, input: { userId: b.userId, role: "reviewer" } })),
      outcome(deactivateUser({ actor: b, input: { userId: a.userId } })),
    ]);
    expect([...results].sort()).toEqual(["CONFLICT", "done"]);
    expect(await db().user.count({ where: { role: "admin", disabledAt: null } })).toBe(1);
  });
});
