import { formatDateTimeIn } from "@/lib/format";

/** A draft says plainly that it is not a bill yet, what it is still waiting for, and when it becomes one. */
export function DraftNotice({
  pending,
  ended,
  finalizesAt,
  timeZone,
}: {
  pending: number;
  ended: boolean;
  finalizesAt: Date;
  timeZone: string;
}) {
  const outcomes = `${pending.toLocaleString("en-US")} ${pending === 1 ? "outcome" : "outcomes"}`;
  const when = formatDateTimeIn(finalizesAt, timeZone);
  return (
    <p role="status" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <span className="font-semibold">Draft</span> — updates as outcomes arrive; {outcomes} still pending.
      {ended
        ? ` The period has ended; the invoice is finalized with its number on ${when}.`
        : ` It is finalized with its number on ${when}, after the period ends and the grace days pass.`}
    </p>
  );
}
