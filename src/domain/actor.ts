// The one who causes a change: a signed-in user, an API key, or a scheduled job.
// Use cases receive an Actor, never a request context, so tests, REST handlers and jobs
// call them the same way.
import type { Role } from "./roles";

export type Actor =
  | { kind: "user"; userId: string; role: Role; customerId: string | null; label: string }
  | { kind: "api-key"; apiKeyId: string; label: string }
  | { kind: "system"; job: string };

export function actorId(actor: Actor): string {
  switch (actor.kind) {
    case "user":
      return `user:${actor.userId}`;
    case "api-key":
      return `api-key:${actor.apiKeyId}`;
    case "system":
      return `system:${actor.job}`;
  }
}

export function actorLabel(actor: Actor): string {
  return actor.kind === "system" ? `System (${actor.job})` : actor.label;
}
