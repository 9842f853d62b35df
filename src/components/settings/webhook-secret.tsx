"use client";
import { useState } from "react";

/** The signing secret, hidden until an admin asks to see it (it is on screen otherwise). */
export function WebhookSecret({ secret, url }: { secret: string; url: string }) {
  const [shown, setShown] = useState(false);
  return (
    <span className="inline-flex items-center gap-2">
      <code className="break-all font-mono text-xs">{shown ? secret : "whsec_••••••••"}</code>
      <button
        type="button"
        onClick={() => setShown(!shown)}
        aria-label={`${shown ? "Hide" : "Show"} the signing secret of ${url}`}
        className="rounded-md border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-100"
      >
        {shown ? "Hide" : "Show"}
      </button>
    </span>
  );
}
