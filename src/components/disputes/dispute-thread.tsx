import { formatDateTime } from "@/lib/format";

export interface DisputeMessageView {
  id: string;
  authorLabel: string;
  side: "customer" | "provider";
  body: string;
  createdAt: Date;
}

/** The conversation between the customer and the provider's reviewers, oldest first. */
export function DisputeThread({ messages }: { messages: DisputeMessageView[] }) {
  if (messages.length === 0) {
    return <p className="text-sm text-slate-600">No messages yet beyond the claim.</p>;
  }
  return (
    <ol className="space-y-3 text-sm">
      {messages.map((m) => (
        <li
          key={m.id}
          className={`rounded-lg border p-3 ${m.side === "provider" ? "border-sky-200 bg-sky-50" : "border-slate-200 bg-white"}`}
        >
          <p className="text-xs text-slate-600">
            <span className="font-semibold text-slate-900">{m.authorLabel}</span>{" "}
            {m.side === "provider" ? "(provider)" : "(customer)"} · {formatDateTime(m.createdAt)}
          </p>
          <p className="mt-1 whitespace-pre-line text-slate-900">{m.body}</p>
        </li>
      ))}
    </ol>
  );
}
