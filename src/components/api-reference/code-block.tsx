/** Wrapped rather than scrolled, so that it reads without a keyboard-unreachable scroll area. */
export function CodeBlock({ children }: { children: string }) {
  return (
    <pre className="whitespace-pre-wrap break-words rounded-lg bg-slate-900 p-4 font-mono text-xs leading-relaxed text-slate-100">
      <code>{children}</code>
    </pre>
  );
}
