export interface ServiceLevelView {
  breached: boolean;
  label: string;
}

/** The provider's promised decision time: "due in 2 d", or "overdue by 5 h" in words and colour. */
export function ServiceLevel({ state }: { state: ServiceLevelView }) {
  return (
    <span className={state.breached ? "font-medium text-red-700" : "text-slate-700"}>
      {state.label.charAt(0).toUpperCase() + state.label.slice(1)}
    </span>
  );
}
