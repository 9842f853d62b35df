// Gapless document numbers (INV-2026-000123, CN-2026-000007, DSP-2026-000004): the sequence row stays locked
// until the transaction commits, and a rollback gives the number back.
import type { Tx } from "@/server/db";

export type DocumentSeries = "INV" | "CN" | "DSP";

export async function takeDocumentNumber(tx: Tx, series: DocumentSeries, at: Date): Promise<string> {
  const year = at.getUTCFullYear();
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO document_sequence ("series", "year", "last") VALUES (${series}, ${year}, 1)
    ON CONFLICT ("series", "year") DO UPDATE SET "last" = document_sequence."last" + 1
    RETURNING "last"`;
  return `${series}-${year}-${String(row!.last).padStart(6, "0")}`;
}
