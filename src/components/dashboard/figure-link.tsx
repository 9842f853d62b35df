import type { ReactNode } from "react";
import { Link } from "@/components/ui/link";

/** A figure that opens the outcomes behind it; its accessible name says which outcomes. */
export function FigureLink({ href, label, children }: { href: string; label: string; children: ReactNode }) {
  return (
    <Link
      href={href}
      title={`Open ${label}`}
      className="tabular-nums text-brand-700 underline decoration-brand-700/40 underline-offset-2 hover:decoration-brand-700"
    >
      {children}
      <span className="sr-only">: {label}</span>
    </Link>
  );
}
