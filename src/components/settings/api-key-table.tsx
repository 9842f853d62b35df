"use client";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { RevokeApiKeyButton } from "./revoke-api-key-button";

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export function ApiKeyTable({ keys, onRevoked }: { keys: ApiKeyRow[]; onRevoked: (key: ApiKeyRow) => void }) {
  return (
    <Table
      caption="API keys, newest first"
      head={
        <>
          <Th>Name</Th>
          <Th>Prefix</Th>
          <Th>Created</Th>
          <Th>Last used</Th>
          <Th>Status</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </>
      }
    >
      {keys.map((key) => (
        <tr key={key.id}>
          <Td className="font-medium text-slate-900">{key.name}</Td>
          <Td className="font-mono text-xs">{key.prefix}</Td>
          <Td className="whitespace-nowrap">{formatDateTime(key.createdAt)}</Td>
          <Td className="whitespace-nowrap">{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : "Never"}</Td>
          <Td>
            {key.revokedAt ? (
              <span className="inline-flex flex-col">
                <span className="w-fit rounded-full bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-700">
                  Revoked
                </span>
                <span className="mt-1 text-xs text-slate-500">{formatDateTime(key.revokedAt)}</span>
              </span>
            ) : (
              <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-800">
                Active
              </span>
            )}
          </Td>
          <Td className="text-right">{!key.revokedAt && <RevokeApiKeyButton apiKey={key} onRevoked={onRevoked} />}</Td>
        </tr>
      ))}
    </Table>
  );
}
