import type { ReactNode } from "react";

export function Table({ caption, head, children }: { caption: string; head: ReactNode; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>{head}</tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

export const Th = ({ children, className = "" }: { children: ReactNode; className?: string }) => (
  <th scope="col" className={`px-4 py-3 ${className}`}>
    {children}
  </th>
);

export const Td = ({ children, className = "" }: { children: ReactNode; className?: string }) => (
  <td className={`px-4 py-3 align-top text-slate-700 ${className}`}>{children}</td>
);
