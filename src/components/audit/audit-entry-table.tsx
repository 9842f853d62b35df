import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";

export interface AuditRow {
  seq: bigint;
  occurredAt: Date;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string;
  customer: { name: string } | null;
  before: unknown;
  after: unknown;
  hash: string;
}

export function AuditEntryTable({ entries }: { entries: AuditRow[] }) {
  return (
    <Table
      caption="Audit log entries, newest first"
      head={
        <>
          <Th>#</Th>
          <Th>Time</Th>
          <Th>Actor</Th>
          <Th>Action</Th>
          <Th>Subject</Th>
          <Th>Customer</Th>
          <Th>Change</Th>
        </>
      }
    >
      {entries.map((e) => (
        <tr key={e.seq.toString()}>
          <Td className="font-mono text-xs">{e.seq.toString()}</Td>
          <Td className="whitespace-nowrap">{formatDateTime(e.occurredAt)}</Td>
          <Td>{e.actorLabel}</Td>
          <Td className="font-mono text-xs">{e.action}</Td>
          <Td>
            <span className="text-slate-500">{e.subjectType}</span>{" "}
            <span className="font-mono text-xs">{e.subjectId.slice(0, 8)}</span>
          </Td>
          <Td>{e.customer?.name ?? "—"}</Td>
          <Td>
            <details>
              <summary className="cursor-pointer text-brand-700">Details</summary>
              <dl className="mt-2 space-y-2 text-xs">
                {e.before != null && (
                  <div>
                    <dt className="font-semibold">Before</dt>
                    <dd>
                      <pre className="max-w-md overflow-x-auto rounded bg-slate-50 p-2">
                        {JSON.stringify(e.before, null, 2)}
                      </pre>
                    </dd>
                  </div>
                )}
                <div>
                  <dt className="font-semibold">After</dt>
                  <dd>
                    <pre className="max-w-md overflow-x-auto rounded bg-slate-50 p-2">
                      {JSON.stringify(e.after, null, 2)}
                    </pre>
                  </dd>
                </div>
                <div>
                  <dt className="font-semibold">Entry hash</dt>
                  <dd className="break-all font-mono">{e.hash}</dd>
                </div>
              </dl>
            </details>
          </Td>
        </tr>
      ))}
    </Table>
  );
}
