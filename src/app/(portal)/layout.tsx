import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { safeRedirectPath } from "@/domain/access/safe-redirect";
import { ApiProvider } from "@/lib/trpc";
import { currentActor } from "@/server/auth/current-actor";
import { appOrigin } from "@/server/http/app-origin";
import { serverCaller } from "@/server/trpc/server-caller";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  if (!actor) {
    const requestHeaders = await headers();
    const path = safeRedirectPath(requestHeaders.get("x-pathname"), appOrigin(requestHeaders));
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  }
  const shell = await (await serverCaller()).session.shell();
  // The tRPC client and its query cache serve the signed-in portal only: the sign-in page
  // starts without them.
  return (
    <ApiProvider>
      <AppShell
        actor={shell.actor}
        userName={shell.userName}
        providerName={shell.providerName}
        viewedCustomer={shell.viewedCustomer}
        customers={shell.customers}
        notifications={shell.notifications}
        reviewCounters={shell.reviewCounters}
      >
        {children}
      </AppShell>
    </ApiProvider>
  );
}
