// The conversation between the customer and the provider's reviewers, oldest first.
import { formatDateTime } from "@/lib/format";

export interface MessageView {
  id: string;
  authorLabel: string;
  side: string;
  body: string;
  createdAt: Date;
}

export function DisputeThread({ messages }: { messages: MessageView[] }) {
  if (messages.length === 0) return <p className="text-sm text-slate-600">No messages yet.</p>;
  return (
    <ol className="space-y-3" aria-label="Messages, oldest first">
      {messages.map((m) => {
        const provider = m.side === "provider";
        return (
          <li
            key={m.id}
            className={`rounded-lg border p-3 text-sm ${provider ? "border-brand-100 bg-brand-50" : "border-slate-200 bg-white"}`}
          >
            <p className="text-xs text-slate-600">
              <span className="font-semibold text-slate-900">{m.authorLabel}</span> (
              {provider ? "provider" : "customer"}
              ), {formatDateTime(m.createdAt)}
            </p>
            <p className="mt-1 whitespace-pre-wrap text-slate-800">{m.body}</p>
          </li>
        );
      })}
    </ol>
  );
}
