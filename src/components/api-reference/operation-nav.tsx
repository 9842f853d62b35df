import type { operationsByTag } from "./api-document";
import { MethodBadge } from "./method-badge";

export function OperationNav({ tags }: { tags: ReturnType<typeof operationsByTag> }) {
  return (
    <nav aria-label="Operations" className="space-y-5 text-sm lg:sticky lg:top-6">
      <a href="#overview" className="block font-medium text-brand-700 hover:underline">
        Overview
      </a>
      {tags.map((tag) => (
        <div key={tag.name}>
          <p className="mb-1 text-xs font-semibold uppercase tracking-wider text-slate-500">{tag.name}</p>
          <ul className="space-y-1">
            {tag.operations.map((operation) => (
              <li key={operation.operationId}>
                <a
                  href={`#${operation.operationId}`}
                  className="flex items-center gap-2 rounded px-1 py-0.5 text-slate-700 hover:bg-slate-100 hover:text-slate-900"
                >
                  <MethodBadge method={operation.method} />{" "}
                  <span className="break-all font-mono text-xs">{operation.path.replace("/api/v1", "")}</span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
