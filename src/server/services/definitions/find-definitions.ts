// Reading outcome definitions with their versions. Definitions are the provider's and
// public to every signed-in role and API key: customers read the rules that billed them.
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

const versionFields = {
  id: true,
  number: true,
  status: true,
  criteria: true,
  observationWindowHours: true,
  defaultUnitPrice: true,
  effectiveFrom: true,
  authorLabel: true,
  changeNote: true,
  publishedAt: true,
  retiredAt: true,
  createdAt: true,
} as const;

export async function listDefinitions() {
  return db().outcomeDefinition.findMany({
    orderBy: { key: "asc" },
    include: { versions: { select: versionFields, orderBy: { number: "asc" } } },
  });
}

export async function getDefinition({ key }: { key: string }) {
  const definition = await db().outcomeDefinition.findUnique({
    where: { key },
    include: { versions: { select: versionFields, orderBy: { number: "asc" } } },
  });
  if (!definition) throw AppError.notFound(`The definition "${key}"`);
  return definition;
}
