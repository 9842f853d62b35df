"use client";
import { useState } from "react";
import type { NavSection } from "@/lib/navigation";
import { NavLinks } from "./nav-links";
import type { ReviewQueueCounters } from "./review-queue-counter";

/** A fixed sidebar on wide screens; a menu button that opens it on phones. */
export function Sidebar({
  sections,
  providerName,
  reviewCounters,
}: {
  sections: NavSection[];
  providerName: string;
  reviewCounters: ReviewQueueCounters | null;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <div className="flex items-center justify-between bg-slate-900 px-4 py-3 lg:hidden print:hidden">
        <span className="font-semibold text-white">Outcome Ledger</span>
        <button
          type="button"
          aria-expanded={open}
          aria-controls="main-navigation"
          onClick={() => setOpen((o) => !o)}
          className="rounded-md border border-slate-600 px-3 py-1.5 text-sm text-slate-100"
        >
          {open ? "Close menu" : "Menu"}
        </button>
      </div>
      <nav
        id="main-navigation"
        aria-label="Main"
        className={`${open ? "block" : "hidden"} bg-slate-900 px-3 py-6 lg:fixed lg:inset-y-0 lg:block lg:w-60 print:hidden`}
      >
        <div className="mb-8 hidden px-3 lg:block">
          <p className="text-lg font-semibold text-white">Outcome Ledger</p>
          <p className="text-xs text-slate-400">{providerName}</p>
        </div>
        <NavLinks sections={sections} reviewCounters={reviewCounters} onNavigate={() => setOpen(false)} />
      </nav>
    </>
  );
}
