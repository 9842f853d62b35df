"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { FieldError, fieldClass } from "@/components/ui/form-field";
import { fieldErrorsOf } from "@/lib/field-errors";
import { errorMessage, useTRPC } from "@/lib/trpc";

/** Who a message in the thread goes to: the provider's reviewer (from a finance user) or the customer. */
export type ReplyRecipient = "provider" | "customer";

const WORDING: Record<ReplyRecipient, { label: string; sent: string }> = {
  provider: { label: "Your message", sent: "Sent to the provider's reviewer." },
  customer: { label: "Reply to the customer", sent: "Sent to the customer." },
};

/** A message in the dispute's thread; the other side is notified. */
export function DisputeReplyForm({ disputeId, to }: { disputeId: string; to: ReplyRecipient }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [body, setBody] = useState("");
  const [sent, setSent] = useState("");
  const reply = useMutation(
    trpc.disputes.reply.mutationOptions({
      onSuccess: () => {
        setBody("");
        setSent(WORDING[to].sent);
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
    <form onSubmit={onSubmit} noValidate className="space-y-2" aria-label="Reply in the thread">
      <label htmlFor="dispute-reply" className="block text-sm font-medium text-slate-700">
        {WORDING[to].label}
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
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70"
        >
          {reply.isPending ? "Sending…" : "Send"}
        </button>
        <output aria-live="polite" className="text-sm text-emerald-800">
          {sent}
        </output>
      </div>
    </form>
  );
}
