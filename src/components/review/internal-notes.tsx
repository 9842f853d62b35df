"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { FieldError, fieldClass } from "@/components/ui/form-field";
import { fieldErrorsOf } from "@/lib/field-errors";
import { formatDateTime } from "@/lib/format";
import { errorMessage, useTRPC } from "@/lib/trpc";

/** Notes for the provider's staff only: the customer never sees them (the server makes sure). */
export function InternalNotes({ disputeId }: { disputeId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [body, setBody] = useState("");
  const notes = useQuery(trpc.disputes.internalNotes.queryOptions({ disputeId }));
  const add = useMutation(
    trpc.disputes.addInternalNote.mutationOptions({
      onSuccess: () => {
        setBody("");
        queryClient.invalidateQueries({ queryKey: trpc.disputes.internalNotes.queryKey({ disputeId }) });
      },
    }),
  );
  const fields = fieldErrorsOf(add.error);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    add.mutate({ disputeId, body });
  }
  return (
    <div className="space-y-3 text-sm">
      <p className="text-xs text-slate-500">Only the provider's staff see these notes; the customer never does.</p>
      {notes.isPending ? (
        <p className="text-slate-600">Loading the notes…</p>
      ) : notes.isError ? (
        <p role="alert" className="text-red-700">
          {errorMessage(notes.error)}
        </p>
      ) : notes.data.length === 0 ? (
        <p className="text-slate-600">No internal notes yet.</p>
      ) : (
        <ul className="space-y-2" data-testid="internal-notes">
          {notes.data.map((note) => (
            <li key={note.id} className="rounded-md border border-amber-200 bg-amber-50 p-2">
              <p className="whitespace-pre-wrap break-words text-slate-900">{note.body}</p>
              <p className="mt-1 text-xs text-slate-600">
                {note.authorLabel} · {formatDateTime(note.createdAt)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onSubmit} noValidate className="space-y-2">
        <label htmlFor="internal-note" className="block font-medium text-slate-700">
          Add an internal note
        </label>
        <textarea
          id="internal-note"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={3}
          maxLength={10_000}
          aria-invalid={!!fields.body}
          aria-describedby={fields.body ? "internal-note-error" : undefined}
          className={fieldClass}
        />
        <FieldError
          id="internal-note-error"
          message={fields.body ?? (add.isError ? errorMessage(add.error) : undefined)}
        />
        <button
          type="submit"
          disabled={add.isPending}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-50"
        >
          {add.isPending ? "Saving…" : "Add note"}
        </button>
      </form>
    </div>
  );
}
