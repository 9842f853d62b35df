import { formatDateTimeIn } from "@/lib/format";
import { DisputeReplyForm, type ReplyRecipient } from "./dispute-reply-form";

export interface DisputeMessageView {
  id: string;
  authorLabel: string;
  side: "customer" | "provider";
  body: string;
  createdAt: Date;
}

/**
 * The conversation between the customer and the provider's reviewers, oldest first, and the form
 * to write in it for whoever may (`reply`: the dispute and who the message goes to).
 */
export function DisputeThread({
  messages,
  reply,
  timeZone,
}: {
  messages: DisputeMessageView[];
  reply?: { disputeId: string; to: ReplyRecipient };
  /** The customer's IANA zone: instants are shown in it, named. */
  timeZone: string;
}) {
  return (
    <div className="space-y-4">
      {messages.length === 0 ? (
        <p className="text-sm text-slate-600">No messages yet beyond the claim.</p>
      ) : (
        <ol className="space-y-3 text-sm" aria-label="Messages, oldest first">
          {messages.map((m) => (
            <li
              key={m.id}
              className={`rounded-lg border p-3 ${m.side === "provider" ? "border-sky-200 bg-sky-50" : "border-slate-200 bg-white"}`}
            >
              <p className="text-xs text-slate-600">
                <span className="font-semibold text-slate-900">{m.authorLabel}</span>{" "}
                {m.side === "provider" ? "(provider)" : "(customer)"} · {formatDateTimeIn(m.createdAt, timeZone)}
              </p>
              <p className="mt-1 whitespace-pre-wrap text-slate-900">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      {reply && <DisputeReplyForm disputeId={reply.disputeId} to={reply.to} />}
    </div>
  );
}
