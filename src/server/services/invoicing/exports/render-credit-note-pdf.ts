// A credit note as a PDF a finance team can file against the invoice it corrects: both
// parties' legal details, its number, the invoice, when it was issued (in the customer's zone),
// the reason, its lines and the amount credited. Drawn with the invoice PDF's own parts.
import PDFDocument from "pdfkit";
import { formatMoney } from "@/domain/money";
import { formatDateTimeIn } from "@/lib/format";
import type { getCreditNoteDocument } from "../find-credit-notes";
import { finishPages, MARGIN, MUTED, party, rule, table, text, totals } from "./render-invoice-pdf";
import { printable } from "./win-ansi";

type CreditNote = Awaited<ReturnType<typeof getCreditNoteDocument>>;

const LINE_COLUMNS = [
  { x: MARGIN, width: 400, align: "left" },
  { x: 450, width: 95, align: "right" },
] as const;

export async function renderCreditNotePdf(note: CreditNote): Promise<Uint8Array<ArrayBuffer>> {
  // The parties and zone of the invoice it corrects, as that invoice was issued.
  const { seller, buyer, timeZone } = note;
  const { currency, customer } = note.invoice;
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: printable(`Credit note ${note.number}`),
      Author: printable(seller.name),
      Subject: printable(buyer.name),
    },
  });
  const chunks: Uint8Array[] = [];
  doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  const money = (minor: bigint) => formatMoney(minor, currency);

  text(doc, seller.name, MARGIN, MARGIN, { width: 280, font: "Helvetica-Bold", size: 16 });
  const sellerBottom = party(doc, seller, MARGIN, doc.y + 2, { skipName: seller.legalName === seller.name });
  text(doc, "CREDIT NOTE", 345, MARGIN, { width: 200, font: "Helvetica-Bold", size: 20, align: "right" });
  text(doc, note.number, 345, MARGIN + 26, { width: 200, size: 11, align: "right" });
  const ruleAt = Math.max(MARGIN + 52, sellerBottom + 8);
  rule(doc, ruleAt);

  const top = ruleAt + 14;
  text(doc, "CREDIT TO", MARGIN, top, { size: 8, color: MUTED, font: "Helvetica-Bold" });
  text(doc, buyer.name, MARGIN, top + 13, { width: 280, font: "Helvetica-Bold", size: 12 });
  party(doc, buyer, MARGIN, doc.y + 2, { skipName: buyer.legalName === buyer.name });
  text(doc, `Customer ID: ${customer.externalId}`, MARGIN, doc.y + 2, { width: 280, color: MUTED });
  const left = doc.y;
  const facts: [string, string][] = [
    ["Credit note", note.number],
    ["Corrects invoice", note.invoice.number ?? "—"],
    ["Issued", formatDateTimeIn(note.issuedAt, timeZone)],
    ["Issued by", note.issuedBy],
    ["Currency", currency],
  ];
  let at = top;
  for (const [label, value] of facts) {
    text(doc, label, 345, at, { width: 65, color: MUTED, size: 9 });
    text(doc, value, 410, at, { width: 135, align: "right", size: 9 });
    at = Math.max(doc.y, at + 13) + 1;
  }
  text(doc, `Times in ${timeZone}.`, 345, at + 2, { width: 200, size: 7, color: MUTED, align: "right" });

  let y = Math.max(left, doc.y) + 24;
  text(doc, "Reason", MARGIN, y, { font: "Helvetica-Bold", size: 10 });
  text(doc, note.reason, MARGIN, doc.y + 2, { width: 495 });
  y = table(
    doc,
    doc.y + 16,
    LINE_COLUMNS,
    ["Description", "Amount"],
    note.lines.map((l) => [l.description, money(-l.amountMinor)]),
    "",
  );
  totals(doc, y + 10, [["Credited", money(-note.amountMinor), true]]);
  finishPages(doc, false, `${seller.name} · ${note.number} · ${buyer.name}`);
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}
