import type { Metadata } from "next";
import { RunJobButton } from "@/components/jobs/run-job-button";
import { AccessDenied } from "@/components/ui/access-denied";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { currentActor } from "@/server/auth/current-actor";
import type { JobRunView, JobView } from "@/server/services/jobs/list-job-runs";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Jobs" };

const OUTCOME_LABEL: Record<JobRunView["outcome"], string> = {
  running: "Running",
  succeeded: "Succeeded",
  failed: "Failed",
};
const OUTCOME_STYLE: Record<JobRunView["outcome"], string> = {
  running: "bg-sky-50 text-sky-800",
  succeeded: "bg-emerald-50 text-emerald-800",
  failed: "bg-red-50 text-red-800",
};

function Outcome({ run }: { run: JobRunView }) {
  return (
    <span className={`rounded px-2 py-0.5 text-xs font-medium ${OUTCOME_STYLE[run.outcome]}`}>
      {OUTCOME_LABEL[run.outcome]}
    </span>
  );
}

function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  return ms < 1_000 ? `${ms} ms` : `${(ms / 1_000).toFixed(1)} s`;
}

const TRIGGER_LABEL: Record<string, string> = { schedule: "Schedule", "start-up": "At start-up", manual: "By hand" };

function queueState(job: JobView): string {
  const { waiting, retrying, nextRetryAt } = job.queued;
  if (retrying > 0) return `Retrying at ${formatDateTime(nextRetryAt)}`;
  if (waiting > 0) return `${waiting} waiting`;
  return "Idle";
}

export default async function JobsPage() {
  const actor = await currentActor();
  if (actor?.role !== "admin") return <AccessDenied homePath="/review" reason="The jobs are for provider admins." />;
  const jobs = await (await serverCaller()).jobs.list();
  const failed = jobs.filter((job) => job.lastFailure);
  return (
    <>
      <PageHeader
        title="Jobs"
        description="The background jobs every instance shares through the job queue: each scheduled run happens once, a failure is retried with backoff, and every run is listed here for 14 days."
      />
      <Table
        caption="Jobs and their last run"
        head={
          <>
            <Th>Job</Th>
            <Th>Schedule</Th>
            <Th>Last run</Th>
            <Th>Duration</Th>
            <Th>Outcome</Th>
            <Th>Queue</Th>
            <Th>Action</Th>
          </>
        }
      >
        {jobs.map((job) => {
          const last = job.runs[0];
          return (
            <tr key={job.id}>
              <Td className="font-medium text-slate-900">{job.label}</Td>
              <Td>{job.cadence}</Td>
              <Td className="whitespace-nowrap">{last ? formatDateTime(last.startedAt) : "Not run yet"}</Td>
              <Td>{formatDuration(last?.durationMs ?? null)}</Td>
              <Td>{last ? <Outcome run={last} /> : "—"}</Td>
              <Td>{queueState(job)}</Td>
              <Td>
                <RunJobButton job={job.id} jobLabel={job.label} />
              </Td>
            </tr>
          );
        })}
      </Table>

      <h2 className="mt-8 mb-3 text-base font-semibold text-slate-900">Failures</h2>
      {failed.length === 0 ? (
        <p className="text-sm text-slate-600">No job has failed in the last 14 days.</p>
      ) : (
        <div className="space-y-4">
          {failed.map((job) => {
            const failure = job.lastFailure!;
            return (
              <Card
                key={job.id}
                title={`${job.label}: last failure`}
                actions={<RunJobButton job={job.id} jobLabel={job.label} retryOf={failure.id} />}
              >
                <p className="text-sm text-slate-700">
                  {formatDateTime(failure.startedAt)} · attempt {failure.attempt} of {failure.maxAttempts} ·{" "}
                  {failure.attempt < failure.maxAttempts ? "the queue retries it" : "the queue gave up"}
                </p>
                <pre className="mt-2 overflow-x-auto whitespace-pre-wrap break-words rounded bg-red-50 p-3 text-xs text-red-900">
                  {failure.error ?? "No error message"}
                </pre>
              </Card>
            );
          })}
        </div>
      )}

      <h2 className="mt-8 mb-3 text-base font-semibold text-slate-900">Recent runs</h2>
      <div className="space-y-2">
        {jobs.map((job) => (
          <details key={job.id} className="rounded-xl border border-slate-200 bg-white p-3 shadow-sm">
            <summary className="cursor-pointer text-sm font-medium text-slate-900">
              {job.label} ({job.runs.length} recent {job.runs.length === 1 ? "run" : "runs"})
            </summary>
            {job.runs.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">Not run yet.</p>
            ) : (
              <div className="mt-3">
                <Table
                  caption={`Recent runs of ${job.label}, newest first`}
                  head={
                    <>
                      <Th>Started</Th>
                      <Th>Finished</Th>
                      <Th>Duration</Th>
                      <Th>Trigger</Th>
                      <Th>Attempt</Th>
                      <Th>Outcome</Th>
                      <Th>Error</Th>
                    </>
                  }
                >
                  {job.runs.map((run) => (
                    <tr key={run.id}>
                      <Td className="whitespace-nowrap">{formatDateTime(run.startedAt)}</Td>
                      <Td className="whitespace-nowrap">{formatDateTime(run.finishedAt)}</Td>
                      <Td>{formatDuration(run.durationMs)}</Td>
                      <Td>{TRIGGER_LABEL[run.trigger] ?? run.trigger}</Td>
                      <Td>
                        {run.attempt} of {run.maxAttempts}
                      </Td>
                      <Td>
                        <Outcome run={run} />
                      </Td>
                      <Td className="break-words">{run.error ?? "—"}</Td>
                    </tr>
                  ))}
                </Table>
              </div>
            )}
          </details>
        ))}
      </div>
    </>
  );
}
