"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { FieldError, fieldClass } from "@/components/ui/form-field";
import { fieldErrorsOf } from "@/lib/field-errors";
import { errorMessage, useTRPC } from "@/lib/trpc";

/** A reviewer writes to the customer in the dispute's thread; the customer's finance users are notified. */
export function ReplyForm({ disputeId }: { disputeId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [body, setBody] = useState("");
  const [sent, setSent] = useState("");
  const reply = useMutation(
    trpc.disputes.reply.mutationOptions({
      onSuccess: () => {
        setBody("");
        setSent("Sent to the customer.");
        router.refresh();
      },
    }),
  );
  const fields = fieldErrorsOf(reply.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSent("");
    reply.mutate({ disputeId, body });
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Reply to the customer" className="mt-4 space-y-2">
      <label htmlFor="dispute-reply" className="block text-sm font-medium text-slate-700">
        Reply to the customer
      </label>
      <textarea
        id="dispute-reply"
        value={body}
        onChange={(e) => setBody(e.target.value)}
        rows={3}
        maxLength={10_000}
        aria-invalid={!!fields.body}
        aria-describedby={fields.body ? "dispute-reply-error" : undefined}
        className={fieldClass}
      />
      <FieldError id="dispute-reply-error" message={fields.body} />
      {reply.isError && !fields.body && (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(reply.error)}
        </p>
      )}
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={reply.isPending}
          className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 shadow-sm hover:bg-slate-50 disabled:cursor-wait disabled:opacity-70"
        >
          {reply.isPending ? "Sending…" : "Send reply"}
        </button>
        <output aria-live="polite" className="text-sm text-emerald-800">
          {sent}
        </output>
      </div>
    </form>
  );
}
