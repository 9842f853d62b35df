"use client";
import { useEffect, useRef } from "react";

/**
 * Keys a page answers to, e.g. { j: next, k: previous, enter: open }: printable keys as typed, named
 * keys in lower case. An action returning false leaves the key alone.
 */
export type ShortcutMap = Record<string, (event: KeyboardEvent) => unknown>;

/** True while the person is typing: shortcuts must never steal their keystrokes. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.closest("input, select, textarea, [contenteditable=true]") !== null;
}

/** True on a link, button or disclosure: Enter there keeps its own meaning. */
export function isControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest("a, button, summary") !== null;
}

/**
 * Single-key shortcuts for a page. They stay quiet while typing in a field, with a modifier held
 * (so browser and screen-reader keys keep working), and while a dialog is open.
 */
export function useShortcuts(shortcuts: ShortcutMap, enabled = true) {
  const latest = useRef(shortcuts);
  latest.current = shortcuts;
  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target)) return;
      if (document.querySelector("dialog[open]")) return;
      const action = latest.current[event.key.length === 1 ? event.key : event.key.toLowerCase()];
      if (action && action(event) !== false) event.preventDefault();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [enabled]);
}
