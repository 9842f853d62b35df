"use client";
import { forwardRef, useImperativeHandle, useRef } from "react";

export interface ShortcutHelpHandle {
  open: () => void;
}

/** The list of a page's keyboard shortcuts, in a modal dialog that `?` opens and Escape closes. */
export const ShortcutHelp = forwardRef<ShortcutHelpHandle, { title: string; shortcuts: [string, string][] }>(
  function ShortcutHelp({ title, shortcuts }, ref) {
    const dialog = useRef<HTMLDialogElement>(null);
    useImperativeHandle(ref, () => ({ open: () => dialog.current?.showModal() }), []);
    return (
      <dialog
        ref={dialog}
        aria-labelledby="shortcut-help-title"
        className="m-auto w-full max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-xl backdrop:bg-slate-900/40"
      >
        <h2 id="shortcut-help-title" className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        <dl className="mt-4 space-y-2 text-sm">
          {shortcuts.map(([keys, what]) => (
            <div key={keys} className="flex gap-4">
              <dt className="w-24 shrink-0">
                <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs">
                  {keys}
                </kbd>
              </dt>
              <dd className="text-slate-700">{what}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-4 text-xs text-slate-500">Shortcuts do nothing while you type in a field.</p>
        <form method="dialog" className="mt-4 text-right">
          <button
            type="submit"
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
          >
            Close
          </button>
        </form>
      </dialog>
    );
  },
);

/** The one-line hint that announces a page's shortcuts, with a button for the full list. */
export function ShortcutHint({ summary, onShowAll }: { summary: string; onShowAll: () => void }) {
  return (
    <p className="text-xs text-slate-500">
      Keyboard: {summary} ·{" "}
      <button type="button" onClick={onShowAll} className="font-medium text-brand-700 underline">
        <kbd className="font-mono">?</kbd> all shortcuts
      </button>
    </p>
  );
}
