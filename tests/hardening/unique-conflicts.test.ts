// A unique violation anywhere is a 409 CONFLICT naming the field, never a 500 (issue 13):
// PostgreSQL's 23505 from pg (the ingestion path) and from Prisma (P2002, raw P2010) are
// mapped in the one error table, so two requests racing to create the same thing differ in
// their answers, not in whether the server failed.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { PUT as putCustomer } from "@/app/api/v1/customers/[externalId]/route";
import { POST as postDefinition } from "@/app/api/v1/definitions/route";
import { closeApiRateLimiter } from "@/server/api/rate-limit";
import { db, sqlTransaction } from "@/server/db";
import { toAppError } from "@/server/errors";
import { apiRequest, makeApiKey, routeParams } from "../support/api-keys";
import { makeUser, TEST_PASSWORD, uniqueId } from "../support/fixtures";
import { trpcOverHttp } from "../support/trpc-http";

afterAll(closeApiRateLimiter);

const definitionBody = (key: string) =>
  JSON.stringify({
    key,
    name: "Ticket resolved",
    unitLabel: "resolved ticket",
    firstVersion: {
      criteria: [
        { attribute: "closedBy", operator: "eq", value: "ai", label: "Closed by the AI", whenMissing: "fail" },
      ],
      observationWindowHours: 0,
      defaultUnitPrice: "1.25",
      changeNote: "First version",
    },
  });

describe("unique violations", () => {
  it("answers one of 10 simultaneous creations of a definition with the same key 201 and the others 409 naming the key", async () => {
    const { key: apiKey } = await makeApiKey();
    const key = `resolved_${randomUUID().slice(0, 8)}`;
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        postDefinition(
          apiRequest("/api/v1/definitions", { key: apiKey, method: "POST", body: definitionBody(key) }),
          routeParams({}),
        ),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(409)]);
    for (const response of responses.filter((r) => r.status === 409)) {
      const { error } = await response.json();
      expect(error).toMatchObject({ code: "CONFLICT", fields: [{ path: "key", message: "Already in use." }] });
    }
    expect(await db().outcomeDefinition.count({ where: { key } })).toBe(1);
  });

  it("answers one of 10 simultaneous creations of a user with the same e-mail with the user and the others CONFLICT naming the e-mail", async () => {
    const admin = await makeUser("admin");
    const email = `${uniqueId("twin")}@example.test`;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        trpcOverHttp(admin).users.create.mutate({
          email,
          name: `Twin ${i}`,
          role: "reviewer",
          password: TEST_PASSWORD,
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const outcome of outcomes.filter((o) => o.status === "rejected")) {
      expect((outcome as PromiseRejectedResult).reason.data).toMatchObject({
        httpStatus: 409,
        appCode: "CONFLICT",
        fields: [{ path: "email", message: "Already in use." }],
      });
    }
    expect(await db().user.count({ where: { email } })).toBe(1);
  });

  it("creates a new customer once when 10 PUTs for it arrive at once, and answers each of them as a PUT", async () => {
    const { key: apiKey } = await makeApiKey();
    const externalId = uniqueId("ext");
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        putCustomer(
          apiRequest(`/api/v1/customers/${externalId}`, {
            key: apiKey,
            method: "PUT",
            body: JSON.stringify({ name: "Twin Corp", currency: "USD", timezone: "UTC" }),
          }),
          routeParams({ externalId }),
        ),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(await db().customer.count({ where: { externalId } })).toBe(1);
    expect(
      await db().auditEntry.count({
        where: { action: "customer.created", after: { path: ["externalId"], equals: externalId } },
      }),
    ).toBe(1);
  });

  it("maps 23505 from pg, from Prisma's queries and from Prisma's raw queries alike", async () => {
    const { email } = await makeUser("viewer", (await db().customer.findFirstOrThrow()).id);
    const insert = `INSERT INTO app_user ("id", "email", "name", "role", "passwordHash", "updatedAt")
      VALUES (gen_random_uuid(), $1, 'x', 'admin', 'x', now())`;
    const failures = await Promise.all([
      sqlTransaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO app_user ("id", "email", "name", "role", "passwordHash", "updatedAt")
          VALUES (gen_random_uuid(), ${email}, 'x', 'admin', 'x', now())`;
      }).catch((e: unknown) => e),
      db()
        .user.create({ data: { email, name: "x", role: "admin", passwordHash: "x" } })
        .catch((e: unknown) => e),
      db()
        .$executeRawUnsafe(insert, email)
        .catch((e: unknown) => e),
    ]);
    expect(failures).toHaveLength(3);
    for (const failure of failures) {
      expect(toAppError(failure)).toMatchObject({
        code: "CONFLICT",
        message: "Something with this email was saved a moment ago; nothing was changed.",
        fields: [{ path: "email", message: "Already in use." }],
      });
    }
  });
});
