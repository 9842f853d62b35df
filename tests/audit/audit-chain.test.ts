import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { verifyAuditChain } from "@/server/services/audit/verify-audit-chain";
import { upsertCustomer } from "@/server/services/customers/upsert-customer";
import { createUser } from "@/server/services/users/create-user";
import { makeCustomer, makeUser, testActor, uniqueId } from "../support/fixtures";

const run = promisify(execFile);

async function auditVerifyCli() {
  return run(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts"], { env: process.env }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );
}

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

  it("refuses UPDATE, DELETE and TRUNCATE from the app's database role", async () => {
    await makeCustomer();
    await expect(db().$executeRawUnsafe(`UPDATE audit_entry SET "actorLabel" = 'forged'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(db().$executeRawUnsafe("DELETE FROM audit_entry")).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe("TRUNCATE audit_entry")).rejects.toThrow(/append-only/);
  });

  it("`npm run audit:verify` passes an intact chain and names the first tampered entry", async () => {
    const customer = await makeCustomer();
    const intact = await auditVerifyCli();
    expect(intact.code, intact.out).toBe(0);
    expect(intact.out).toMatch(/verified/i);

    const target = await db().auditEntry.findFirstOrThrow({ where: { subjectId: customer.id } });
    // Someone with superuser rights bypasses the trigger and edits history.
    const tamper = (label: string) =>
      db().$transaction([
        db().$executeRawUnsafe("SET LOCAL session_replication_role = replica"),
        db().$executeRaw`UPDATE audit_entry SET "actorLabel" = ${label} WHERE seq = ${target.seq}`,
      ]);
    await tamper("Mallory");
    try {
      const broken = await auditVerifyCli();
      expect(broken.code).toBe(1);
      expect(broken.out).toContain(`entry ${target.seq}`);
      expect((await verifyAuditChain()).firstBreak?.seq).toBe(target.seq);
    } finally {
      await tamper(target.actorLabel);
    }
    await expect(verifyAuditChain()).resolves.toMatchObject({ firstBreak: null });
  });
});
