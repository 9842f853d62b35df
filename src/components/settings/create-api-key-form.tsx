"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { errorMessage, useTRPC } from "@/lib/trpc";

export interface CreatedApiKey {
  key: string;
  name: string;
  prefix: string;
}

export function CreateApiKeyForm({ onCreated }: { onCreated: (created: CreatedApiKey) => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState("");
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: ({ apiKey, key }) => {
        setName("");
        onCreated({ key, name: apiKey.name, prefix: apiKey.prefix });
        router.refresh();
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ name });
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-2 sm:flex-row sm:items-end"
      aria-label="Create an API key"
    >
      <div className="grow sm:max-w-md">
        <label htmlFor="api-key-name" className="block text-sm font-medium text-slate-700">
          Key name
        </label>
        <input
          id="api-key-name"
          name="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={100}
          autoComplete="off"
          placeholder="e.g. Support bot, production"
          aria-invalid={create.isError}
          aria-describedby={create.isError ? "api-key-name-error" : "api-key-name-hint"}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600"
        />
        {create.isError ? (
          <p id="api-key-name-error" role="alert" className="mt-1 text-sm text-red-700">
            {errorMessage(create.error)}
          </p>
        ) : (
          <p id="api-key-name-hint" className="mt-1 text-xs text-slate-500">
            Name the system that will use it, so you know what stops when you revoke it.
          </p>
        )}
      </div>
      <button
        type="submit"
        disabled={create.isPending}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70 sm:mb-6"
      >
        {create.isPending ? "Creating…" : "Create key"}
      </button>
    </form>
  );
}
