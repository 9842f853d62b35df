/** A draft says plainly that it is not a bill yet, and what it is still waiting for. */
export function DraftNotice({ pending, ended }: { pending: number; ended: boolean }) {
  const outcomes = `${pending.toLocaleString("en-US")} ${pending === 1 ? "outcome" : "outcomes"}`;
  return (
    <p role="status" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <span className="font-semibold">Draft</span> — updates as outcomes arrive; {outcomes} still pending.
      {ended
        ? " The period has ended; the invoice is finalized with its number once the grace days are over."
        : " It is finalized with its number after the period ends."}
    </p>
  );
}
