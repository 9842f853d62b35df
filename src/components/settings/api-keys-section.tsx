"use client";
import { useState } from "react";
import { Card } from "@/components/ui/card";
import { type ApiKeyRow, ApiKeyTable } from "./api-key-table";
import { CreateApiKeyForm, type CreatedApiKey } from "./create-api-key-form";
import { NewApiKeyNotice } from "./new-api-key-notice";

/** Settings › API keys: create a key (shown once), see every key's use, revoke one. */
export function ApiKeysSection({ keys }: { keys: ApiKeyRow[] }) {
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [notice, setNotice] = useState("");
  return (
    <Card title={`API keys (${keys.length})`}>
      <div className="space-y-5">
        <p className="max-w-3xl text-sm text-slate-600">
          Your AI systems send attempts, events and evidence with a key in the header{" "}
          <code className="rounded bg-slate-100 px-1 font-mono text-xs">Authorization: Bearer olk_…</code>. A key is
          shown once, when it is created; afterwards only its prefix identifies it.
        </p>
        <CreateApiKeyForm
          onCreated={(key) => {
            setNotice("");
            setCreated(key);
          }}
        />
        {created && <NewApiKeyNotice created={created} onDone={() => setCreated(null)} />}
        <output aria-live="polite" className="block text-sm text-slate-700">
          {notice}
        </output>
        {keys.length === 0 ? (
          <p className="text-sm text-slate-600">No API keys yet. Create one for each system that sends data.</p>
        ) : (
          <ApiKeyTable
            keys={keys}
            onRevoked={(key) =>
              setNotice(`The key ${key.name} (${key.prefix}) is revoked: requests with it are refused.`)
            }
          />
        )}
      </div>
    </Card>
  );
}
