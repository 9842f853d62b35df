/** One party of an invoice or credit note as its accounts-payable team reads it: legal name, address, tax ID. */
export function LegalParty({
  title,
  party,
}: {
  title: string;
  party: { name: string; legalName: string | null; address: string | null; taxId: string | null };
}) {
  return (
    <section aria-label={title} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      <p className="mt-1 font-semibold text-slate-900">{party.legalName ?? party.name}</p>
      {party.address && <p className="whitespace-pre-line text-slate-700">{party.address}</p>}
      <p className="text-slate-700">{party.taxId ? `Tax ID: ${party.taxId}` : "No tax ID on file"}</p>
    </section>
  );
}
