// A database made before the roles existed (everything owned by the superuser the app used to
// connect as) is upgraded in place: the owner gets every object, the app role exactly its
// privileges, and the data stays.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { APP_PRIVILEGES, provisionRoles, roleOf } from "@/server/runtime/database-roles";
import { applyMigrations } from "@/server/runtime/migrations";
import { migrateDatabase } from "@/server/runtime/prepare-database";
import { asRole, superuserUrl } from "../support/database-roles";

const withDatabase = (url: string, name: string) => {
  const copy = new URL(url);
  copy.pathname = `/${name}`;
  return copy.toString();
};

describe("upgrading a database from before the roles", () => {
  it("hands every object to the owner and grants the app role exactly its privileges, keeping the data", async () => {
    const name = `outcome_ledger_old_${randomBytes(4).toString("hex")}`;
    const superuser = withDatabase(superuserUrl(), name);
    const suffix = randomBytes(4).toString("hex");
    const roles = {
      owner: { name: `ol_upgrade_${suffix}_owner`, password: randomBytes(12).toString("hex") },
      app: { name: `ol_upgrade_${suffix}_app`, password: randomBytes(12).toString("hex") },
    };
    await asRole(superuserUrl(), (client) => client.query(`CREATE DATABASE "${name}"`));
    try {
      // The old world: migrated and written by the superuser.
      await applyMigrations(superuser);
      await asRole(superuser, (client) =>
        client.query(
          `INSERT INTO customer ("id", "externalId", "name", "currency", "timezone", "updatedAt")
           VALUES (gen_random_uuid(), 'old-customer', 'From before the roles', 'USD', 'UTC', now())`,
        ),
      );

      await provisionRoles(superuser, roles);
      const roleUrl = (role: { name: string; password: string }) => {
        const url = new URL(superuser);
        url.username = role.name;
        url.password = role.password;
        return url.toString();
      };
      const database = { url: roleUrl(roles.app), migrationUrl: roleUrl(roles.owner) };
      await migrateDatabase(database);

      const owners = await asRole(superuser, async (client) => {
        const { rows } = await client.query<{ owner: string; objects: string }>(
          `SELECT pg_get_userbyid(c.relowner) AS owner, count(*)::text AS objects
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'S') GROUP BY 1`,
        );
        return rows;
      });
      expect(owners.map((o) => o.owner)).toEqual([roles.owner.name]);

      const seen = await asRole(database.url, async (client) => {
        await client.query("SELECT set_config('outcome_ledger.scope', 'provider', false)");
        const { rows } = await client.query<{ name: string }>("SELECT name FROM customer");
        const privileges = await client.query<{ privileges: string[] }>(
          `SELECT ARRAY(SELECT p FROM unnest(ARRAY['SELECT','INSERT','UPDATE','DELETE','TRUNCATE']) AS p
                        WHERE has_table_privilege(current_user, 'public.audit_entry', p)) AS privileges`,
        );
        return { customers: rows.map((r) => r.name), auditPrivileges: privileges.rows[0]!.privileges };
      });
      expect(seen).toEqual({
        customers: ["From before the roles"],
        auditPrivileges: [...APP_PRIVILEGES.audit_entry!],
      });
      expect(roleOf(database.url)).toBe(roles.app.name);
    } finally {
      await asRole(superuserUrl(), async (client) => {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        for (const role of [roles.app.name, roles.owner.name]) await client.query(`DROP ROLE IF EXISTS "${role}"`);
      });
    }
  });
});
