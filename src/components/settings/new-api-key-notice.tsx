"use client";
import { useEffect, useRef, useState } from "react";
import type { CreatedApiKey } from "./create-api-key-form";

/** The one moment a key is visible: it lives only in this component's state, never on the server. */
export function NewApiKeyNotice({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [copyResult, setCopyResult] = useState("");

  // Move focus here so keyboard and screen-reader users land on the key at once.
  useEffect(() => heading.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(created.key);
      setCopyResult("Copied to the clipboard.");
    } catch {
      field.current?.select();
      setCopyResult("The browser did not allow copying: the key is selected, press Ctrl+C (⌘C on a Mac).");
    }
  }

  return (
    <section
      aria-labelledby="new-api-key-heading"
      className="rounded-lg border-2 border-amber-400 bg-amber-50 p-4 shadow-sm"
    >
      <h3 id="new-api-key-heading" ref={heading} tabIndex={-1} className="text-sm font-semibold text-amber-950">
        Copy the key “{created.name}” now
      </h3>
      <p className="mt-1 text-sm text-amber-900">
        This is the only time the key is shown: it won't be shown again, to you or anyone. Store it in your secret
        manager. If it is lost, revoke it and create another.
      </p>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="grow">
          <label htmlFor="new-api-key" className="block text-xs font-medium uppercase tracking-wide text-amber-900">
            New API key
          </label>
          <input
            id="new-api-key"
            ref={field}
            readOnly
            value={created.key}
            onFocus={(e) => e.currentTarget.select()}
            spellCheck={false}
            className="mt-1 block w-full rounded-md border border-amber-300 bg-white px-3 py-2 font-mono text-sm text-slate-900"
          />
        </div>
        <button
          type="button"
          onClick={copy}
          className="rounded-md bg-amber-900 px-4 py-2 text-sm font-semibold text-white hover:bg-amber-950"
        >
          Copy key
        </button>
        <button
          type="button"
          onClick={onDone}
          className="rounded-md border border-amber-400 bg-white px-4 py-2 text-sm font-medium text-amber-950 hover:bg-amber-100"
        >
          I have stored it
        </button>
      </div>
      <output aria-live="polite" className="mt-2 block text-sm text-amber-900">
        {copyResult}
      </output>
    </section>
  );
}
