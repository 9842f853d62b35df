import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeRedirectPath } from "@/domain/access/safe-redirect";
import { homePathFor } from "@/lib/navigation";
import { currentActor } from "@/server/auth/current-actor";
import { appOrigin } from "@/server/http/app-origin";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const [actor, { callbackUrl }, requestHeaders] = await Promise.all([currentActor(), searchParams, headers()]);
  if (actor) redirect(homePathFor(actor.role));
  // Only paths of this app: a sign-in link must never bounce a user to another site.
  const next = safeRedirectPath(callbackUrl, appOrigin(requestHeaders));
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-brand-50 via-white to-slate-100 px-4">
      <div className="w-full max-w-md">
        <div className="mb-8 text-center">
          <p className="text-sm font-semibold uppercase tracking-widest text-brand-700">Outcome Ledger</p>
          <h1 className="mt-2 text-2xl font-semibold text-slate-900">Sign in to your billing portal</h1>
          <p className="mt-2 text-sm text-slate-600">Every billed outcome, with its evidence.</p>
        </div>
        <SignInForm callbackUrl={next} />
      </div>
    </main>
  );
}
