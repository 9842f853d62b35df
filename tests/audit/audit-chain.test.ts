import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { verifyAuditChain } from "@/server/services/audit/verify-audit-chain";
import { upsertCustomer } from "@/server/services/customers/upsert-customer";
import { createUser } from "@/server/services/users/create-user";
import { asRole, ownerUrl } from "../support/database-roles";
import { makeCustomer, makeUser, testActor, uniqueId } from "../support/fixtures";

describe("audit log", () => {
  it("records a change in the same transaction as the change", async () => {
    const customer = await makeCustomer();
    const entry = await db().auditEntry.findFirst({ where: { subjectId: customer.id, action: "customer.created" } });
    expect(entry).toMatchObject({ actorId: "system:integration-test", customerId: customer.id });
    expect(entry?.after).toMatchObject({ name: customer.name, currency: "USD" });
  });

  it("writes nothing when the change itself is refused", async () => {
    const user = await makeUser("admin");
    const before = await db().auditEntry.count();
    await expect(
      createUser({
        actor: testActor,
        input: { email: user.email, name: "Twin", role: "admin", customerId: null, password: "long-enough-pass" },
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db().auditEntry.count()).toBe(before);
  });

  it("keeps one gapless chain when many changes commit at the same moment", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        upsertCustomer({
          actor: testActor,
          input: { externalId: uniqueId(`burst-${i}`), name: `Burst ${i}`, currency: "EUR", timezone: "Europe/Paris" },
        }),
      ),
    );
    const seqs = (await db().auditEntry.findMany({ select: { seq: true }, orderBy: { seq: "asc" } })).map((e) => e.seq);
    expect(seqs.at(-1)).toBe(BigInt(seqs.length));
    await expect(verifyAuditChain()).resolves.toMatchObject({ firstBreak: null });
  });

  it("refuses UPDATE, DELETE and TRUNCATE: the app's role lacks the privilege, and the owner meets the trigger", async () => {
    await makeCustomer();
    for (const statement of [
      `UPDATE audit_entry SET "actorLabel" = 'forged'`,
      "DELETE FROM audit_entry",
      "TRUNCATE audit_entry",
    ]) {
      await expect(db().$executeRawUnsafe(statement)).rejects.toThrow(/permission denied/);
      await expect(asRole(ownerUrl(), (owner) => owner.query(statement))).rejects.toThrow(/append-only/);
    }
    for (const statement of ["UPDATE audit_checkpoint SET \"reason\" = 'x'", "DELETE FROM audit_checkpoint"]) {
      await expect(db().$executeRawUnsafe(statement)).rejects.toThrow(/permission denied/);
    }
  });
});
