"use client";
import { useState } from "react";

/**
 * Signs out the way next-auth's own `signOut()` does (its CSRF token, then a POST), without
 * shipping `next-auth/react` to every page of the portal for this one button.
 */
export function SignOutButton() {
  const [pending, setPending] = useState(false);
  async function signOut() {
    setPending(true);
    try {
      const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      await fetch("/api/auth/signout", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
        body: new URLSearchParams({ csrfToken, callbackUrl: "/sign-in", json: "true" }),
      });
    } finally {
      // Whatever the answer, the sign-in page shows whether the session is gone.
      window.location.assign("/sign-in");
    }
  }
  return (
    <button
      type="button"
      disabled={pending}
      onClick={signOut}
      className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
    >
      Sign out
    </button>
  );
}
