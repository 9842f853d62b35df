import { type FC, Fragment, createElement as h, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { stackedTableStyle, Table, Td, Th } from "./table";

// createElement's types want `children` among the props; JSX passes them as arguments, as here.
type Cell = FC<{ className?: string; children?: ReactNode }>;
const th = (...children: ReactNode[]) => h(Th as Cell, null, ...children);

const render = (head: ReactNode) =>
  renderToStaticMarkup(
    h(
      Table as FC<{ caption: string; head: ReactNode }>,
      { caption: "Lines", head },
      h("tr", null, h(Td as Cell, null, "1")),
    ),
  );

describe("Table on a phone", () => {
  it("labels each column for the stacked cards with its heading's text", () => {
    const html = render(
      h(
        Fragment,
        null,
        th("Line"),
        th("Amount ", h("span", null, "(USD)")),
        th(h("span", { className: "sr-only" }, "Actions")),
      ),
    );
    expect(html).toContain('class="stacked-table');
    expect(html).toContain("--column-1:&quot;Line&quot;");
    expect(html).toContain("--column-2:&quot;Amount (USD)&quot;");
    expect(html).toContain("--column-3:&quot;Actions&quot;");
  });

  it("counts only the cells that are rendered, and gives an empty heading no label", () => {
    const showInvoice = false;
    const html = render(h(Fragment, null, th(""), showInvoice && th("Invoice"), th("State")));
    expect(html).not.toContain("--column-1");
    expect(html).toContain("--column-2:&quot;State&quot;");
  });

  it("quotes labels so that the stylesheet reads them as strings", () => {
    expect(stackedTableStyle(['Say "hi"', "  "])).toEqual({ "--column-1": '"Say \\"hi\\""' });
  });
});
