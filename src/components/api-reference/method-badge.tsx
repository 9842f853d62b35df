import type { HttpMethod } from "@/server/api/openapi-document";

const COLORS: Record<HttpMethod, string> = {
  get: "bg-emerald-100 text-emerald-800",
  post: "bg-brand-100 text-brand-900",
  put: "bg-amber-100 text-amber-900",
};

export function MethodBadge({ method }: { method: HttpMethod }) {
  return (
    <span
      className={`inline-block w-12 rounded px-1.5 py-0.5 text-center font-mono text-xs font-semibold ${COLORS[method]}`}
    >
      {method.toUpperCase()}
    </span>
  );
}
