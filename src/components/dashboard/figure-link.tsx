import Link from "next/link";
import type { ReactNode } from "react";

/** A figure that opens the outcomes behind it; its accessible name says which outcomes. */
export function FigureLink({ href, label, children }: { href: string; label: string; children: ReactNode }) {
  return (
    <Link href={href} title={`Open ${label}`} className="tabular-nums text-brand-700 hover:underline">
      {children}
      <span className="sr-only">: {label}</span>
    </Link>
  );
}
