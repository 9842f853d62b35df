// A definition version in plain language, exactly as customers read it (describeVersion).
import type { VersionText } from "@/domain/definitions/plain-language";

export function VersionTextView({ text, testId }: { text: VersionText; testId?: string }) {
  return (
    <div className="space-y-2 text-sm text-slate-800" data-testid={testId}>
      <p>{text.summary}</p>
      {text.criteria.length > 0 && (
        <ol className="list-decimal space-y-1 pl-6">
          {text.criteria.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ol>
      )}
      <p>{text.window}</p>
      <p>{text.price}</p>
    </div>
  );
}
