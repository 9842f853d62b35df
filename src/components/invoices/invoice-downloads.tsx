const FILES = [
  { file: "invoice.pdf", label: "PDF", what: "the invoice as PDF" },
  { file: "lines.csv", label: "Lines CSV", what: "the invoice lines as CSV" },
  { file: "outcomes.csv", label: "Outcomes CSV", what: "every outcome behind the invoice as CSV" },
] as const;

/** Plain links with `download`: the browser saves the file under the name the server gives. */
export function InvoiceDownloads({ invoiceId, title }: { invoiceId: string; title: string }) {
  return (
    <nav aria-label="Downloads" className="flex flex-wrap gap-2">
      {FILES.map((f) => (
        <a
          key={f.file}
          href={`/api/portal/invoices/${invoiceId}/${f.file}`}
          download
          title={`Download ${f.what}`}
          aria-label={`Download ${f.label} of ${title}`}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50"
        >
          {f.label}
        </a>
      ))}
    </nav>
  );
}
