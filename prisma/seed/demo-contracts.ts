// The demo contracts reproduce the pricing models of outcome-based AI billing:
// Globex pure outcome (0.99 USD per resolved conversation, cheaper past volume tiers),
// Initech hybrid (500.00 USD platform fee + 2.00 USD per resolved ticket),
// Umbrella per attempt + per success (0.10 USD per lead attempt + 1.50 USD per qualified
// lead, documents at their definition's price) with a monthly cap and a minimum commitment.
import type { Actor } from "@/domain/actor";
import { periodStartOf } from "@/domain/invoicing/periods";
import { db } from "@/server/db";
import type { ContractTermsInput } from "@/server/services/contracts/contract-schema";
import { createContractVersion } from "@/server/services/contracts/create-contract-version";

type Terms = Omit<ContractTermsInput, "effectiveFrom">;

// Grace days cover the longest observation window (lead_qualified: 168 hours).
const COMMON = { disputeWindowDays: 30, graceDays: 7 };

const DEMO_CONTRACTS: Record<string, Terms> = {
  globex: {
    ...COMMON,
    outcomePrices: [
      {
        definitionKey: "ticket_resolved",
        unitPrice: "0.99",
        tiers: [
          { upTo: 1_000, unitPrice: "0.99" },
          { upTo: 5_000, unitPrice: "0.89" },
          { upTo: null, unitPrice: "0.79" },
        ],
      },
    ],
    changeNote:
      "Pure outcome pricing: 0.99 USD per resolved conversation, 0.89 past 1,000 and 0.79 past 5,000 a month.",
  },
  initech: {
    ...COMMON,
    platformFee: "500.00",
    outcomePrices: [{ definitionKey: "ticket_resolved", unitPrice: "2.00" }],
    changeNote: "Hybrid pricing: 500.00 USD platform fee per month plus 2.00 USD per resolved ticket.",
  },
  umbrella: {
    ...COMMON,
    attemptFees: [{ definitionKey: "lead_qualified", unitPrice: "0.10" }],
    outcomePrices: [{ definitionKey: "lead_qualified", unitPrice: "1.50" }],
    monthlyCap: "650.00",
    minimumCommitment: "500.00",
    changeNote:
      "Per attempt plus per success: 0.10 USD per lead worked, 1.50 USD per qualified lead; usage capped at 650.00 USD, minimum 500.00 USD a month.",
  },
};

/** One contract per demo customer, in force from the first period of the demo history. */
export async function seedDemoContracts(actor: Actor, historyFrom: Date): Promise<number> {
  let created = 0;
  for (const [externalId, terms] of Object.entries(DEMO_CONTRACTS)) {
    const customer = await db().customer.findUnique({
      where: { externalId },
      select: { id: true, _count: { select: { contracts: true } } },
    });
    if (!customer || customer._count.contracts > 0) continue;
    await createContractVersion({
      actor,
      customerId: customer.id,
      input: { ...terms, effectiveFrom: periodStartOf(historyFrom) },
    });
    created++;
  }
  return created;
}
