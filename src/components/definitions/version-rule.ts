// A stored definition version as the plain-language and diff functions read it.
import type { VersionRuleLike } from "@/domain/definitions/plain-language";
import type { Criterion } from "@/domain/evaluation/criteria";

export interface StoredVersion {
  number: number;
  criteria: unknown;
  observationWindowHours: number;
  defaultUnitPrice: { toString(): string };
}

export function ruleOf(v: StoredVersion): VersionRuleLike {
  return {
    number: v.number,
    criteria: v.criteria as Criterion[],
    observationWindowHours: v.observationWindowHours,
    defaultUnitPrice: v.defaultUnitPrice.toString(),
  };
}
