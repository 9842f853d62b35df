// An invoice as a PDF a finance team can file: the provider and the customer, the number (or
// a DRAFT label and watermark), the period, every line, the total, the credit notes and the
// net due. pdfkit with the PDF standard fonts (Helvetica), so nothing is fetched or embedded.
import PDFDocument from "pdfkit";
import { periodLabel } from "@/domain/invoicing/periods";
import { formatMoney } from "@/domain/money";
import { formatDate, formatDateTimeIn, formatDayIn, formatQuantity, formatUnitPrice } from "@/lib/format";
import type { InvoiceDocument } from "./invoice-document";
import { printable } from "./win-ansi";

export const MARGIN = 50;
const INK = "#0f172a";
export const MUTED = "#64748b";
const RULE = "#cbd5e1";
const DRAFT_RED = "#b91c1c";

/** Description, quantity, unit price, amount: x and width of each column on an A4 page. */
const COLUMNS = [
  { x: MARGIN, width: 245, align: "left" },
  { x: 295, width: 70, align: "right" },
  { x: 365, width: 85, align: "right" },
  { x: 450, width: 95, align: "right" },
] as const;
const NOTE_COLUMNS = [
  { x: MARGIN, width: 100, align: "left" },
  { x: 150, width: 80, align: "left" },
  { x: 230, width: 220, align: "left" },
  { x: 450, width: 95, align: "right" },
] as const;
type Column = { x: number; width: number; align: "left" | "right" };

/** The invoice as a PDF. Both parties are the booking's: as issued for a finalized invoice. */
export async function renderInvoicePdf(invoice: InvoiceDocument): Promise<Uint8Array<ArrayBuffer>> {
  const providerName = invoice.booking.seller.name;
  const customerName = invoice.booking.buyer.name;
  const draft = invoice.status === "draft";
  const title = draft ? `Draft invoice — ${periodLabel(invoice.periodStart)}` : `Invoice ${invoice.number}`;
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    info: { Title: printable(title), Author: printable(providerName), Subject: printable(customerName) },
  });
  const chunks: Uint8Array[] = [];
  doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });

  const money = (minor: bigint) => formatMoney(minor, invoice.currency);
  let y = header(doc, invoice, providerName);
  y = table(
    doc,
    y,
    COLUMNS,
    ["Description", "Quantity", "Unit price", "Amount"],
    invoice.lines.map((l) => [
      l.description,
      // An adjustment is an amount, not a quantity at a price.
      l.quantity === null ? "" : formatQuantity(l.quantity),
      l.unitPrice === null ? "" : formatUnitPrice(l.unitPrice, invoice.currency),
      money(l.amountMinor),
    ]),
    "No charges for this period.",
  );
  y = totals(doc, y + 10, [
    // The same words as the invoice page: credits are the dispute credits and the credit notes.
    ["Charges", money(invoice.chargesMinor), false],
    ["Credits", money(-invoice.creditedMinor), false],
    ...(invoice.creditedMinor > 0n
      ? ([
          ["Dispute credits", money(-invoice.disputeCreditsMinor), false],
          ["Credit notes", money(-invoice.creditNotesMinor), false],
        ] as const)
      : []),
    ["Net due", money(invoice.netDueMinor), true],
    // Prepaid credits paid it like a payment: the lines and the net due stay as rated.
    ...(invoice.booking.walletDrawnMinor > 0n
      ? ([
          ["Paid from prepaid credits", money(-invoice.booking.walletDrawnMinor), false],
          ...(invoice.booking.paidMinor > 0n
            ? ([["Payments", money(-invoice.booking.paidMinor), false]] as const)
            : []),
          ["Outstanding", money(invoice.booking.outstandingMinor), true],
        ] as const)
      : []),
  ]);
  if (invoice.creditNotes.length > 0) {
    y = heading(doc, y + 24, "Credit notes");
    y = table(
      doc,
      y,
      NOTE_COLUMNS,
      ["Number", "Issued", "Reason", "Amount"],
      invoice.creditNotes.map((c) => [
        c.number,
        formatDayIn(c.issuedAt, invoice.booking.timeZone),
        c.reason,
        money(-c.amountMinor),
      ]),
      "",
    );
  }
  if (draft) {
    const pending =
      invoice.pending > 0
        ? ` ${invoice.pending.toLocaleString("en-US")} attempts are still in their observation window and not billed yet.`
        : "";
    paragraph(
      doc,
      y + 24,
      `This draft is computed from the outcomes received so far and changes until it is finalized on ${formatDateTimeIn(invoice.booking.finalizesAt, invoice.booking.timeZone)}; it is not a request for payment.${pending}`,
    );
  }
  finishPages(doc, draft, `${providerName} · ${draft ? "Draft" : invoice.number} · ${customerName}`);
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

function header(doc: PDFKit.PDFDocument, invoice: InvoiceDocument, providerName: string): number {
  const b = invoice.booking;
  const customerName = b.buyer.name;
  const right = { x: 345, width: 200 };
  text(doc, providerName, MARGIN, MARGIN, { width: 280, font: "Helvetica-Bold", size: 16 });
  const sellerBottom = party(doc, b.seller, MARGIN, doc.y + 2, { skipName: b.seller.legalName === providerName });
  text(doc, "INVOICE", right.x, MARGIN, { ...right, font: "Helvetica-Bold", size: 20, align: "right" });
  if (invoice.status === "draft") {
    text(doc, "DRAFT — not final", right.x, MARGIN + 26, {
      ...right,
      font: "Helvetica-Bold",
      size: 11,
      color: DRAFT_RED,
      align: "right",
    });
  } else {
    text(doc, invoice.number ?? "", right.x, MARGIN + 26, { ...right, size: 11, align: "right" });
  }
  const ruleAt = Math.max(MARGIN + 52, sellerBottom + 8);
  rule(doc, ruleAt);

  const top = ruleAt + 14;
  const zone = b.timeZone;
  text(doc, "BILL TO", MARGIN, top, { size: 8, color: MUTED, font: "Helvetica-Bold" });
  text(doc, customerName, MARGIN, top + 13, { width: 280, font: "Helvetica-Bold", size: 12 });
  party(doc, b.buyer, MARGIN, doc.y + 2, { skipName: b.buyer.legalName === customerName });
  text(doc, `Customer ID: ${invoice.customer.externalId}`, MARGIN, doc.y + 2, { width: 280, color: MUTED });
  const left = doc.y;

  const facts: [string, string][] = [
    ["Invoice number", invoice.number ?? "Not numbered (draft)"],
    b.issuedAt ? ["Issue date", formatDayIn(b.issuedAt, zone)] : ["Finalizes", formatDateTimeIn(b.finalizesAt, zone)],
    ["Due date", b.dueAt ? formatDayIn(b.dueAt, zone) : `${b.paymentTerms} after issue`],
    ["Payment terms", b.paymentTerms],
    ["Service period", `${formatDate(invoice.periodStart)} – ${formatDate(lastDayOf(invoice.periodEnd))}`],
    ...(b.disputeBy ? [["Dispute by", formatDateTimeIn(b.disputeBy, zone)] as [string, string]] : []),
    ["PO number", b.poNumber ?? "—"],
    ...(b.paymentStatus ? [["Payment status", PAYMENT_STATUS_WORDS[b.paymentStatus]] as [string, string]] : []),
    ["Currency", invoice.currency],
  ];
  let at = top;
  for (const [label, value] of facts) {
    text(doc, label, right.x, at, { width: 65, color: MUTED, size: 9 });
    text(doc, value, right.x + 65, at, { width: 135, align: "right", size: 9 });
    at = Math.max(doc.y, at + 13) + 1;
  }
  text(doc, `Dates and times in ${zone}. The service period is a calendar month in UTC.`, right.x, at + 2, {
    ...right,
    size: 7,
    color: MUTED,
    align: "right",
  });
  return Math.max(left, doc.y) + 24;
}

const PAYMENT_STATUS_WORDS = { open: "Open", paid: "Paid", overdue: "Overdue", void: "Void" } as const;

const lastDayOf = (periodEnd: Date) => new Date(periodEnd.getTime() - 86_400_000);

/** A party's legal name, address and tax ID under its name; returns where it ends. */
export function party(
  doc: PDFKit.PDFDocument,
  p: InvoiceDocument["booking"]["seller"],
  x: number,
  y: number,
  { skipName }: { skipName: boolean },
): number {
  const lines = [
    ...(p.legalName && !skipName ? [p.legalName] : []),
    ...(p.address ? [p.address] : []),
    ...(p.taxId ? [`Tax ID: ${p.taxId}`] : []),
  ];
  if (lines.length === 0) return y;
  text(doc, lines.join("\n"), x, y, { width: 280, size: 9, color: MUTED });
  return doc.y;
}

/** A table that continues on the next page, with its header repeated, when it runs out of room. */
export function table(
  doc: PDFKit.PDFDocument,
  top: number,
  columns: readonly Column[],
  head: string[],
  rows: string[][],
  empty: string,
): number {
  const drawHead = (at: number) => {
    doc.rect(MARGIN, at, 495, 20).fill("#f1f5f9");
    head.forEach((h, i) => {
      const c = columns[i]!;
      text(doc, h, c.x + 4, at + 6, {
        width: c.width - 8,
        align: c.align,
        size: 8,
        font: "Helvetica-Bold",
        color: MUTED,
      });
    });
    return at + 24;
  };
  let y = drawHead(top);
  if (rows.length === 0 && empty) {
    text(doc, empty, MARGIN + 4, y, { color: MUTED });
    return doc.y + 6;
  }
  for (const row of rows) {
    doc.font("Helvetica").fontSize(10);
    const height = Math.max(
      ...row.map((cell, i) => doc.heightOfString(printable(cell), { width: columns[i]!.width - 8 })),
    );
    if (y + height > pageBottom(doc)) {
      doc.addPage();
      y = drawHead(MARGIN);
    }
    row.forEach((cell, i) => {
      const c = columns[i]!;
      text(doc, cell, c.x + 4, y, { width: c.width - 8, align: c.align });
    });
    y += height + 6;
    doc
      .moveTo(MARGIN, y - 3)
      .lineTo(MARGIN + 495, y - 3)
      .lineWidth(0.5)
      .strokeColor("#e2e8f0")
      .stroke();
  }
  return y;
}

export function totals(
  doc: PDFKit.PDFDocument,
  top: number,
  rows: readonly (readonly [string, string, boolean])[],
): number {
  let y = roomFor(doc, top, rows.length * 18);
  for (const [label, value, strong] of rows) {
    // Wide enough for "Paid from prepaid credits" on one line.
    if (strong) rule(doc, y - 4, 305);
    const font = strong ? "Helvetica-Bold" : "Helvetica";
    text(doc, label, 309, y, { width: 140, font, size: strong ? 12 : 10 });
    text(doc, value, 449, y, { width: 92, font, size: strong ? 12 : 10, align: "right" });
    y += 18;
  }
  return y;
}

function heading(doc: PDFKit.PDFDocument, top: number, title: string): number {
  const y = roomFor(doc, top, 60);
  text(doc, title, MARGIN, y, { font: "Helvetica-Bold", size: 12 });
  return y + 20;
}

function paragraph(doc: PDFKit.PDFDocument, top: number, words: string) {
  const y = roomFor(doc, top, 40);
  text(doc, words, MARGIN, y, { width: 495, size: 9, color: MUTED });
}

/** Footer and page numbers on every page, and the watermark on a draft's. */
export function finishPages(doc: PDFKit.PDFDocument, draft: boolean, footer: string) {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const { width, height, margins } = doc.page;
    const bottom = margins.bottom;
    // Text below the bottom margin would start a new page: lift the margin while writing the footer.
    margins.bottom = 0;
    rule(doc, height - 40);
    text(doc, footer, MARGIN, height - 34, { width: 380, size: 8, color: MUTED });
    text(doc, `Page ${i - start + 1} of ${count}`, 430, height - 34, {
      width: 115,
      size: 8,
      color: MUTED,
      align: "right",
    });
    if (draft) {
      doc.save();
      doc.rotate(-35, { origin: [width / 2, height / 2] });
      text(doc, "DRAFT", 0, height / 2 - 60, {
        width,
        align: "center",
        size: 120,
        font: "Helvetica-Bold",
        color: DRAFT_RED,
        opacity: 0.08,
      });
      doc.restore();
    }
    margins.bottom = bottom;
  }
}

const pageBottom = (doc: PDFKit.PDFDocument) => doc.page.height - MARGIN - 30;

/** Where a block of `height` starts: at `top`, or on a new page when it does not fit. */
function roomFor(doc: PDFKit.PDFDocument, top: number, height: number): number {
  if (top + height <= pageBottom(doc)) return top;
  doc.addPage();
  return MARGIN;
}

export function rule(doc: PDFKit.PDFDocument, y: number, from = MARGIN) {
  doc
    .moveTo(from, y)
    .lineTo(MARGIN + 495, y)
    .lineWidth(0.75)
    .strokeColor(RULE)
    .stroke();
}

export function text(
  doc: PDFKit.PDFDocument,
  value: string,
  x: number,
  y: number,
  options: {
    width?: number;
    align?: "left" | "right" | "center";
    size?: number;
    font?: "Helvetica" | "Helvetica-Bold";
    color?: string;
    opacity?: number;
  } = {},
) {
  doc
    .font(options.font ?? "Helvetica")
    .fontSize(options.size ?? 10)
    .fillColor(options.color ?? INK, options.opacity ?? 1)
    .text(printable(value), x, y, { width: options.width, align: options.align ?? "left" });
}
