import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../canonical-json";
import { type ChainedAuditEntry, chainAuditEntry, findChainBreak, GENESIS_HASH } from "./hash-chain";

function buildChain(count: number): ChainedAuditEntry[] {
  const entries: ChainedAuditEntry[] = [];
  for (let i = 0; i < count; i++) {
    entries.push(
      chainAuditEntry(entries.at(-1) ?? null, {
        occurredAt: new Date(Date.UTC(2026, 10, 1, 12, 0, i)),
        actorId: "user:1",
        actorLabel: "Ada Admin",
        action: "customer.updated",
        subjectType: "customer",
        subjectId: `c-${i}`,
        customerId: null,
        before: { name: `Old ${i}` },
        after: { name: `New ${i}`, amountMinor: BigInt(i) * 100n },
      }),
    );
  }
  return entries;
}

describe("audit hash chain", () => {
  it("starts from the genesis hash and numbers entries 1, 2, 3…", () => {
    const chain = buildChain(3);
    expect(chain.map((e) => e.seq)).toEqual([1n, 2n, 3n]);
    expect(chain[0]?.previousHash).toBe(GENESIS_HASH);
    expect(chain[1]?.previousHash).toBe(chain[0]?.hash);
  });

  it("accepts an untouched chain, whole or verified in stretches", () => {
    const chain = buildChain(10);
    expect(findChainBreak(null, chain)).toBeNull();
    expect(findChainBreak(chain[4]!, chain.slice(5))).toBeNull();
  });

  it("names the first altered entry when content changes", () => {
    const chain = buildChain(5);
    chain[2] = { ...chain[2]!, after: { name: "Forged" } };
    expect(findChainBreak(null, chain)).toEqual({ seq: 3n, reason: expect.stringContaining("altered") });
  });

  it("detects a removed entry", () => {
    const chain = buildChain(5);
    chain.splice(1, 1);
    expect(findChainBreak(null, chain)?.seq).toBe(3n);
  });

  it("detects an entry re-hashed after tampering (the next link breaks)", () => {
    const chain = buildChain(4);
    const forged = chainAuditEntry(chain[0]!, { ...chain[1]!, after: { name: "Forged" } });
    chain[1] = forged;
    expect(findChainBreak(null, chain)).toEqual({ seq: 3n, reason: expect.stringContaining("previous-hash") });
  });

  it("hashes independently of key order, as jsonb stores documents", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean())), (doc) => {
        const reversed = Object.fromEntries(Object.entries(doc).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(doc));
      }),
    );
  });

  it("survives a round trip through JSON storage", () => {
    const [entry] = buildChain(1);
    const stored = JSON.parse(JSON.stringify({ before: entry!.before, after: entry!.after }));
    expect(findChainBreak(null, [{ ...entry!, ...stored }])).toBeNull();
  });
});
