import type { ReactNode } from "react";
import { AccessDenied } from "@/components/ui/access-denied";
import { isProviderRole } from "@/domain/roles";
import { homePathFor } from "@/lib/navigation";
import { currentActor } from "@/server/auth/current-actor";

/** Provider pages refuse customer users here; their data is refused again by every procedure. */
export default async function ProviderLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  if (!actor || !isProviderRole(actor.role)) return <AccessDenied homePath={homePathFor(actor?.role ?? "viewer")} />;
  return children;
}
