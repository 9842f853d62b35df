import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { currentActor } from "@/server/auth/current-actor";
import { serverCaller } from "@/server/trpc/server-caller";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  if (!actor) {
    const path = (await headers()).get("x-pathname") ?? "/";
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  }
  const shell = await (await serverCaller()).session.shell();
  return (
    <AppShell
      actor={shell.actor}
      userName={shell.userName}
      providerName={shell.providerName}
      viewedCustomer={shell.viewedCustomer}
      customers={shell.customers}
    >
      {children}
    </AppShell>
  );
}
