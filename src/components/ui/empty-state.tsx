import type { ReactNode } from "react";

/** An honest placeholder: says what will appear here and what makes it appear. */
export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section
      className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center"
      aria-label={title}
    >
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      <div className="mx-auto mt-2 max-w-xl space-y-2 text-sm text-slate-600">{children}</div>
    </section>
  );
}
