// Prisma 7 reads its connection URL here, not from the schema. The placeholder keeps
// `prisma generate` working where no database exists (generation never connects).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // Prisma's CLI migrates, so it signs in as the owner of the tables when there is one (README, "Database roles").
  datasource: {
    url:
      process.env.MIGRATION_DATABASE_URL ||
      process.env.DATABASE_URL ||
      "postgresql://placeholder@localhost:5432/outcome_ledger",
  },
  // Tables that hand-written migrations create and only raw SQL touches (not in schema.prisma).
  // Without this, the next generated migration would drop them.
  experimental: { externalTables: true },
  tables: { external: ["public.api_rate_limit"] },
});
