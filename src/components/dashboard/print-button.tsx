"use client";

/** Opens the browser's print dialog (save as PDF included); never printed itself. */
export function PrintButton({ label = "Print" }: { label?: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 print:hidden"
    >
      {label}
    </button>
  );
}
