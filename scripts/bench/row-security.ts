// Switches row-level security on or off, as the owner, on every table that has policies: the
// benchmarks measure the policies' cost by running the same work both ways on the same machine.
import pg from "pg";

export async function setRowSecurity(ownerUrl: string, on: boolean): Promise<number> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      "SELECT DISTINCT format('%I', tablename) AS name FROM pg_policies WHERE schemaname = 'public'",
    );
    for (const { name } of rows) {
      await client.query(
        on
          ? `ALTER TABLE ${name} ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY`
          : `ALTER TABLE ${name} DISABLE ROW LEVEL SECURITY, NO FORCE ROW LEVEL SECURITY`,
      );
    }
    return rows.length;
  } finally {
    await client.end();
  }
}
