"use client";
import { usePathname } from "next/navigation";
import { Link } from "@/components/ui/link";
import { type NavSection, sectionsShownAt } from "@/lib/navigation";
import { ReviewQueueCounter, type ReviewQueueCounters } from "./review-queue-counter";

export function NavLinks({
  sections,
  reviewCounters,
  onNavigate,
}: {
  sections: NavSection[];
  /** The review queue's counters as the server rendered them (provider staff), else null. */
  reviewCounters: ReviewQueueCounters | null;
  onNavigate?: () => void;
}) {
  const pathname = usePathname();
  return (
    <>
      {sectionsShownAt(sections, pathname).map((section) => (
        <div key={section.title} className="mb-6">
          <p className="mb-2 px-3 text-xs font-semibold uppercase tracking-wider text-slate-400">{section.title}</p>
          <ul className="space-y-1">
            {section.items.map((item) => {
              const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
              return (
                <li key={item.href} className="relative">
                  <Link
                    href={item.href}
                    onClick={onNavigate}
                    aria-current={active ? "page" : undefined}
                    aria-describedby={item.counter ? `${item.counter}-counter` : undefined}
                    className={`block rounded-md px-3 py-2 text-sm font-medium ${
                      active ? "bg-brand-600 text-white" : "text-slate-200 hover:bg-slate-800 hover:text-white"
                    }`}
                  >
                    {item.label}
                  </Link>
                  {item.counter === "review-queue" && (
                    <ReviewQueueCounter id={`${item.counter}-counter`} initial={reviewCounters} />
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </>
  );
}
