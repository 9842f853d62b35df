import { Children, type CSSProperties, Fragment, isValidElement, type ReactNode } from "react";

/**
 * The one table of the portal. From 640 px up it is a table (scrolling inside its own frame
 * if wider than the page); below, each row becomes a card that stacks its cells, each cell
 * labelled with its column's heading, so that no column (an amount least of all) is ever cut
 * off on a phone. The labels are read from `head`'s cells and passed to the stylesheet
 * (`.stacked-table` in globals.css) as custom properties, so rows need no extra markup.
 */
export function Table({ caption, head, children }: { caption: string; head: ReactNode; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="stacked-table min-w-full divide-y divide-slate-200 text-sm" style={columnLabelStyle(head)}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>{head}</tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

export const Th = ({ children, className = "" }: { children: ReactNode; className?: string }) => (
  <th scope="col" className={`px-4 py-3 ${className}`}>
    {children}
  </th>
);

export const Td = ({ children, className = "" }: { children: ReactNode; className?: string }) => (
  <td className={`px-4 py-3 align-top text-slate-700 ${className}`}>{children}</td>
);

/**
 * A table for screen readers only (a chart's numbers). The wrapper is what is hidden: a
 * table keeps its content's width whatever width it is given, so a hidden table itself
 * would still widen the page on a phone.
 */
export const VisuallyHiddenTable = ({ children }: { children: ReactNode }) => (
  <div className="sr-only">
    <table>{children}</table>
  </div>
);

/** `--column-1: "Date"`, … for each header cell with text (a checkbox column has none). */
function columnLabelStyle(head: ReactNode): CSSProperties {
  return stackedTableStyle(headerCells(head).map(textOf));
}

/**
 * For a table that cannot be a <Table> (one with a frame of its own): give it the class
 * `stacked-table` and this style, with its columns' labels in order ("" for none).
 */
export function stackedTableStyle(labels: string[]): CSSProperties {
  const style: Record<string, string> = {};
  labels.forEach((label, i) => {
    if (label.trim()) style[`--column-${i + 1}`] = JSON.stringify(label.trim());
  });
  return style as CSSProperties;
}

function headerCells(head: ReactNode): ReactNode[] {
  return Children.toArray(head).flatMap((node) =>
    isValidElement<{ children?: ReactNode }>(node) && node.type === Fragment
      ? headerCells(node.props.children)
      : [node],
  );
}

function textOf(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return "";
}
