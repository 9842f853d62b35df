// Reading outcome definitions with their versions. Definitions are the provider's and
// readable by every signed-in role and API key: customers read the rules that billed them.
// Customers see published (and retired) versions only; a definition with nothing published
// yet does not exist for them, and neither does anything about its drafts.

import { seesDraftDefinitions } from "@/domain/access/customer-scope";
import type { Actor } from "@/domain/actor";
import type { Prisma } from "@/generated/prisma/client";
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

const PUBLISHED: Prisma.DefinitionVersionWhereInput = { status: { not: "draft" } };

function visibleTo(actor: Actor) {
  const all = seesDraftDefinitions(actor);
  return {
    definitions: all ? {} : { versions: { some: PUBLISHED } },
    versions: { where: all ? {} : PUBLISHED, select: versionFields, orderBy: { number: "asc" as const } },
  };
}

export async function listDefinitions({ actor }: { actor: Actor }) {
  const visible = visibleTo(actor);
  return db().outcomeDefinition.findMany({
    where: visible.definitions,
    orderBy: { key: "asc" },
    include: { versions: visible.versions },
  });
}

export async function getDefinition({ actor, key }: { actor: Actor; key: string }) {
  const visible = visibleTo(actor);
  const definition = await db().outcomeDefinition.findFirst({
    where: { key, ...visible.definitions },
    include: { versions: visible.versions },
  });
  if (!definition) throw AppError.notFound(`The definition "${key}"`);
  return definition;
}

/** One version with its definition; NOT_FOUND for a version the actor may not see (a draft, for a customer). */
export async function getDefinitionVersion({ actor, key, number }: { actor: Actor; key: string; number: number }) {
  const definition = await getDefinition({ actor, key });
  const version = definition.versions.find((v) => v.number === number);
  if (!version) throw AppError.notFound(`Version ${number} of the definition "${key}"`);
  return { definition, version };
}
