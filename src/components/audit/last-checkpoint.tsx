import { formatDateTime } from "@/lib/format";

export interface CheckpointSummary {
  number: bigint;
  createdAt: Date;
  auditSeq: bigint;
  reason: string;
  keyId: string;
}

const REASONS: Record<string, string> = {
  schedule: "the minute's checkpoint",
  finalization: "taken when an invoice was finalized",
};

/** The newest keyed checkpoint: what an attacker with database access could no longer rewrite. */
export function LastCheckpoint({ checkpoint }: { checkpoint: CheckpointSummary | null }) {
  return (
    <section
      aria-labelledby="last-checkpoint"
      className="mb-4 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-700"
    >
      <h2 id="last-checkpoint" className="font-medium text-slate-900">
        Last checkpoint
      </h2>
      {checkpoint ? (
        <p>
          #{checkpoint.number.toString()} at {formatDateTime(checkpoint.createdAt)} (
          {REASONS[checkpoint.reason] ?? checkpoint.reason}) vouches for entries 1–
          {checkpoint.auditSeq.toLocaleString("en-US")}, signed with key{" "}
          <code className="break-all">{checkpoint.keyId}</code>, which is kept outside the database. Entries covered by
          a checkpoint cannot be rewritten or removed without verification noticing.
        </p>
      ) : (
        <p>No checkpoint yet: the app signs the chain's head within a minute of a change.</p>
      )}
    </section>
  );
}
