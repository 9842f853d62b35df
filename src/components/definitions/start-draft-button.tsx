"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { VersionRuleLike } from "@/domain/definitions/plain-language";
import { errorMessage, useTRPC } from "@/lib/trpc";

/**
 * Starts the next version as a draft, a copy of the version in force, then opens the editor
 * (on one criterion when the draft fixes it).
 */
export function StartDraftButton({
  definitionKey,
  from,
  changeNote,
  focusAttribute,
  label,
}: {
  definitionKey: string;
  from: VersionRuleLike;
  changeNote: string;
  focusAttribute?: string;
  label: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.definitions.createDraft.mutationOptions());
  function start() {
    create.mutate(
      {
        definitionKey,
        rule: {
          criteria: [...from.criteria],
          observationWindowHours: from.observationWindowHours,
          defaultUnitPrice: from.defaultUnitPrice,
          changeNote,
        },
      },
      {
        onSuccess: () => {
          const focus = focusAttribute ? `?focus=${encodeURIComponent(focusAttribute)}` : "";
          router.push(`/definitions/${definitionKey}${focus}#draft-editor`);
          router.refresh();
        },
      },
    );
  }
  return (
    <span className="inline-block">
      <button
        type="button"
        onClick={start}
        disabled={create.isPending}
        className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70"
      >
        {create.isPending ? "Starting the draft…" : label}
      </button>
      {create.isError && (
        <span role="alert" className="mt-1 block text-sm text-red-700">
          {errorMessage(create.error)}
        </span>
      )}
    </span>
  );
}
