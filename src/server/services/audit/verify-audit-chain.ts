// Walks the whole audit chain in order, a page at a time, and reports the first broken link.
import { type ChainBreak, type ChainedAuditEntry, findChainBreak } from "@/domain/audit/hash-chain";
import { db } from "@/server/db";

const PAGE_SIZE = 2_000;

export async function verifyAuditChain(): Promise<{ checked: number; firstBreak: ChainBreak | null }> {
  let previous: { seq: bigint; hash: string } | null = null;
  let checked = 0;
  for (;;) {
    const page: ChainedAuditEntry[] = await db().auditEntry.findMany({
      where: previous ? { seq: { gt: previous.seq } } : {},
      orderBy: { seq: "asc" },
      take: PAGE_SIZE,
    });
    if (page.length === 0) return { checked, firstBreak: null };
    const firstBreak = findChainBreak(previous, page);
    if (firstBreak) return { checked: checked + Number(firstBreak.seq - (previous?.seq ?? 0n)) - 1, firstBreak };
    checked += page.length;
    const last: ChainedAuditEntry = page.at(-1)!;
    previous = { seq: last.seq, hash: last.hash };
  }
}
