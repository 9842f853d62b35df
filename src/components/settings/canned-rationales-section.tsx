"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Card } from "@/components/ui/card";
import { FieldError, fieldClass } from "@/components/ui/form-field";
import { ROOT_CAUSE_LABELS, ROOT_CAUSES, type RootCause } from "@/domain/disputes/dispute-terms";
import { fieldErrorsOf } from "@/lib/field-errors";
import { errorMessage, useTRPC } from "@/lib/trpc";

/** Settings › Canned rationales: what reviewers are offered in the decision form, per root cause. */
export function CannedRationalesSection({
  rationales,
}: {
  rationales: { id: string; rootCause: RootCause; text: string }[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [rootCause, setRootCause] = useState<RootCause>("detection_error");
  const [text, setText] = useState("");
  const [editing, setEditing] = useState<string | null>(null);
  const done = {
    onSuccess: () => {
      setText("");
      setEditing(null);
      router.refresh();
    },
  };
  const save = useMutation(trpc.settings.saveCannedRationale.mutationOptions(done));
  const remove = useMutation(trpc.settings.deleteCannedRationale.mutationOptions(done));
  const fields = fieldErrorsOf(save.error);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate({ id: editing ?? undefined, rootCause, text });
  }
  return (
    <Card title="Canned rationales">
      <div className="space-y-4 text-sm">
        {ROOT_CAUSES.map((cause) => {
          const mine = rationales.filter((r) => r.rootCause === cause);
          if (mine.length === 0) return null;
          return (
            <div key={cause}>
              <h3 className="font-medium text-slate-900">{ROOT_CAUSE_LABELS[cause]}</h3>
              <ul className="mt-1 space-y-1">
                {mine.map((r) => (
                  <li
                    key={r.id}
                    className="flex flex-wrap items-start justify-between gap-2 rounded-md bg-slate-50 p-2"
                  >
                    <span className="min-w-0 flex-1 break-words">{r.text}</span>
                    <span className="flex gap-2">
                      <button
                        type="button"
                        className="text-brand-700 underline"
                        onClick={() => {
                          setEditing(r.id);
                          setRootCause(r.rootCause);
                          setText(r.text);
                        }}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className="text-red-700 underline"
                        onClick={() => remove.mutate({ id: r.id })}
                      >
                        Delete
                      </button>
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
        <form onSubmit={onSubmit} noValidate aria-label="Canned rationale" className="max-w-xl space-y-2">
          <label className="block font-medium text-slate-700">
            Root cause
            <select
              value={rootCause}
              onChange={(e) => setRootCause(e.target.value as RootCause)}
              className={fieldClass}
            >
              {ROOT_CAUSES.map((c) => (
                <option key={c} value={c}>
                  {ROOT_CAUSE_LABELS[c]}
                </option>
              ))}
            </select>
          </label>
          <label htmlFor="canned-rationale-text" className="block font-medium text-slate-700">
            {editing ? "Edit the rationale" : "New rationale"}
          </label>
          <textarea
            id="canned-rationale-text"
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={3}
            aria-invalid={!!fields.text}
            aria-describedby={fields.text ? "canned-rationale-error" : undefined}
            className={fieldClass}
          />
          <FieldError id="canned-rationale-error" message={fields.text} />
          <button
            type="submit"
            disabled={save.isPending}
            className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-70"
          >
            {editing ? "Save the rationale" : "Add the rationale"}
          </button>
          {(remove.isError || (save.isError && !fields.text)) && (
            <p role="alert" className="text-red-700">
              {errorMessage(remove.error ?? save.error)}
            </p>
          )}
        </form>
      </div>
    </Card>
  );
}
