// Password change, role change and deactivation as use cases behind their procedures: who
// may call them, what they validate, and the audit entry each writes in its transaction.
import { describe, expect, it } from "vitest";
import { THROTTLE_RULES } from "@/domain/access/sign-in-throttle";
import { verifyPassword } from "@/server/auth/passwords";
import { db } from "@/server/db";
import { callerFor, makeCustomer, makeUser, TEST_PASSWORD } from "../support/fixtures";

const userRow = (id: string) => db().user.findUniqueOrThrow({ where: { id } });
const auditOf = (subjectId: string, action: string) =>
  db().auditEntry.findMany({ where: { subjectId, action }, select: { actorId: true, before: true, after: true } });

describe("changing one's own password", () => {
  it("needs the current password, keeps the rule for new ones, and is audited without the password", async () => {
    const customer = await makeCustomer();
    const user = await makeUser("viewer", customer.id);
    const caller = callerFor(user);
    await expect(
      caller.users.changePassword({ currentPassword: "not-it", newPassword: "a-new-password-2026" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: {
        code: "VALIDATION_FAILED",
        fields: [{ path: "currentPassword", message: "That is not your current password." }],
      },
    });
    await expect(
      caller.users.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "short" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { issues: [expect.objectContaining({ path: ["newPassword"] })] },
    });
    expect((await userRow(user.userId)).sessionVersion).toBe(0);

    await caller.users.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "a-new-password-2026" });
    const after = await userRow(user.userId);
    expect(await verifyPassword(after.passwordHash, "a-new-password-2026")).toBe(true);
    expect(after.sessionVersion).toBe(1);
    expect(await auditOf(user.userId, "user.password_changed")).toEqual([
      { actorId: `user:${user.userId}`, before: null, after: null },
    ]);
  });

  it("stops checking current passwords after a few wrong ones, the right one included", async () => {
    const user = await makeUser("reviewer");
    const caller = callerFor(user);
    for (let i = 1; i < THROTTLE_RULES["password-change"].allowance; i++) {
      await expect(
        caller.users.changePassword({ currentPassword: `guess-${i}`, newPassword: "a-new-password-2026" }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(
      caller.users.changePassword({ currentPassword: "last-guess", newPassword: "a-new-password-2026" }),
    ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    await expect(
      caller.users.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "a-new-password-2026" }),
    ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect(await verifyPassword((await userRow(user.userId)).passwordHash, TEST_PASSWORD)).toBe(true);
  });
});

describe("creating a user", () => {
  it("refuses a customer that does not exist, naming the field and writing nothing", async () => {
    // The foreign key refused it, and the admin saw a 500.
    const admin = await makeUser("admin");
    const email = `nobody-${crypto.randomUUID()}@example.test`;
    await expect(
      callerFor(admin).users.create({
        email,
        name: "Nobody",
        role: "viewer",
        customerId: crypto.randomUUID(),
        password: TEST_PASSWORD,
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { code: "VALIDATION_FAILED", fields: [{ path: "customerId", message: "There is no such customer." }] },
    });
    expect(await db().user.count({ where: { email } })).toBe(0);
  });
});

describe("changing a user's role", () => {
  it("is for admins only", async () => {
    const customer = await makeCustomer();
    const target = await makeUser("finance", customer.id);
    for (const role of ["reviewer", "finance"] as const) {
      const caller = callerFor(await makeUser(role, role === "finance" ? customer.id : null));
      await expect(
        caller.users.changeRole({ userId: target.userId, role: "viewer", customerId: customer.id }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.users.deactivate({ userId: target.userId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await userRow(target.userId)).toMatchObject({ role: "finance", disabledAt: null, sessionVersion: 0 });
  });

  it("keeps customer roles with a customer that exists, and provider roles without one", async () => {
    const admin = callerFor(await makeUser("admin"));
    const target = await makeUser("reviewer");
    await expect(admin.users.changeRole({ userId: target.userId, role: "finance" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { issues: [expect.objectContaining({ path: ["customerId"] })] },
    });
    await expect(
      admin.users.changeRole({ userId: target.userId, role: "finance", customerId: crypto.randomUUID() }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { code: "VALIDATION_FAILED", fields: [{ path: "customerId" }] },
    });
    await expect(admin.users.changeRole({ userId: crypto.randomUUID(), role: "reviewer" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await userRow(target.userId)).toMatchObject({ role: "reviewer", sessionVersion: 0 });
  });

  it("writes the change and its audit entry, and nothing when nothing changes", async () => {
    const adminUser = await makeUser("admin");
    const admin = callerFor(adminUser);
    const customer = await makeCustomer();
    const target = await makeUser("reviewer");
    await admin.users.changeRole({ userId: target.userId, role: "finance", customerId: customer.id });
    await admin.users.changeRole({ userId: target.userId, role: "finance", customerId: customer.id });
    expect(await userRow(target.userId)).toMatchObject({ role: "finance", customerId: customer.id, sessionVersion: 1 });
    expect(await auditOf(target.userId, "user.role_changed")).toEqual([
      {
        actorId: `user:${adminUser.userId}`,
        before: { role: "reviewer", customerId: null },
        after: { role: "finance", customerId: customer.id },
      },
    ]);
  });
});

describe("deactivating a user", () => {
  it("disables the account once, with an audit entry", async () => {
    const adminUser = await makeUser("admin");
    const target = await makeUser("reviewer");
    await callerFor(adminUser).users.deactivate({ userId: target.userId });
    await callerFor(adminUser).users.deactivate({ userId: target.userId });
    const row = await userRow(target.userId);
    expect(row.disabledAt).not.toBeNull();
    expect(row.sessionVersion).toBe(1);
    expect(await auditOf(target.userId, "user.deactivated")).toHaveLength(1);
  });
});
