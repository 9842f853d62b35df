import { Fragment, type ReactNode } from "react";

/**
 * The descriptions' small share of CommonMark: paragraphs, `- ` lists and `code`. Enough for
 * the words we write, without a Markdown library in the page.
 */
export function Prose({ text, className = "" }: { text: string; className?: string }) {
  return (
    <div className={`space-y-2 text-sm leading-relaxed text-slate-700 ${className}`}>
      {text.split(/\n{2,}/).map((block) => (
        <Fragment key={block}>{blockOf(block)}</Fragment>
      ))}
    </div>
  );
}

/** A block's lines in order: runs of `- ` lines become a list, runs of other lines a paragraph. */
function blockOf(block: string): ReactNode {
  const runs: { list: boolean; lines: string[] }[] = [];
  for (const line of block.split("\n")) {
    const list = line.startsWith("- ");
    const last = runs.at(-1);
    if (last?.list === list) last.lines.push(line);
    else runs.push({ list, lines: [line] });
  }
  return runs.map((run) =>
    run.list ? (
      <ul key={run.lines[0]} className="list-disc space-y-1 pl-5">
        {run.lines.map((item) => (
          <li key={item}>{inline(item.slice(2))}</li>
        ))}
      </ul>
    ) : (
      <p key={run.lines[0]}>{inline(run.lines.join(" "))}</p>
    ),
  );
}

export function inline(text: string): ReactNode {
  return text.split(/(`[^`]+`)/).map((part, i) =>
    part.startsWith("`") && part.endsWith("`") && part.length > 1 ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string never reorder
      <code key={i} className="break-words rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.8em] text-slate-800">
        {part.slice(1, -1)}
      </code>
    ) : (
      part
    ),
  );
}
