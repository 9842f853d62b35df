import { Table, Td, Th } from "@/components/ui/table";
import { paymentTermsLabel } from "@/domain/invoicing/payment-terms";
import { Dec } from "@/domain/money";
import type { OutcomePrice } from "@/domain/rating/contract-terms";
import { describeDiscount } from "@/domain/rating/describe-discount";
import { priceRules, tierRanges } from "@/domain/rating/describe-price";
import { describePrepaidAllowance } from "@/domain/wallet/wallet";
import { formatQuantity, formatUnitPrice } from "@/lib/format";
import type { ContractView, DefinitionNames } from "./contract-view";

const price = "text-right tabular-nums whitespace-nowrap";

/** The contract in force in plain words, with outcome prices and their tiers as a table. */
export function ContractTerms({ contract, names }: { contract: ContractView; names: DefinitionNames }) {
  const { currency } = contract;
  const money = (amount: string | null) => (amount === null ? "None" : formatUnitPrice(amount, currency));
  return (
    <div className="space-y-5">
      <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
        <Fact
          term="Platform fee"
          value={new Dec(contract.platformFee).isZero() ? "None" : `${money(contract.platformFee)} a month`}
        />
        <Fact term="Monthly cap on usage" value={money(contract.monthlyCap)} />
        <Fact term="Minimum commitment" value={money(contract.minimumCommitment)} />
        <Fact
          term="Commitment over several months"
          value={
            contract.termCommitment
              ? `${money(contract.termCommitment.amount)} over ${contract.termCommitment.months} months from ${contract.termCommitment.startMonth}, trued up on the term's last invoice`
              : "None"
          }
        />
        <Fact term="Dispute window" value={`${contract.disputeWindowDays} days`} />
        <Fact term="Grace before finalizing" value={`${contract.graceDays} days after the period ends`} />
        <Fact
          term="Payment terms"
          value={`${paymentTermsLabel(contract.paymentTermsDays)} after the invoice is issued`}
        />
        <Fact term="Currency" value={currency} />
        <Fact
          term="Prepaid allowance"
          value={
            contract.prepaidAllowance
              ? describePrepaidAllowance(contract.prepaidAllowance, (amount) => formatUnitPrice(amount, currency))
              : "None"
          }
        />
      </dl>
      <div>
        <h3 className="mb-2 text-sm font-semibold text-slate-900">Attempt fees</h3>
        {contract.attemptFees.length === 0 ? (
          <p className="text-sm text-slate-600">No fee per attempt: only outcomes are charged.</p>
        ) : (
          <ul className="space-y-1 text-sm text-slate-700">
            {contract.attemptFees.map((f) => (
              <li key={f.definitionKey ?? "*"}>
                {formatUnitPrice(f.unitPrice, currency)} per attempt of{" "}
                {f.definitionKey
                  ? (names[f.definitionKey] ?? f.definitionKey)
                  : "any definition without a fee of its own"}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <h3 className="mb-2 text-sm font-semibold text-slate-900">Outcome prices</h3>
        {contract.outcomePrices.length === 0 ? (
          <p className="text-sm text-slate-600">
            No prices of its own: each billable outcome is charged at its definition&apos;s default price.
          </p>
        ) : (
          <Table
            caption={`Outcome prices of contract version ${contract.version}`}
            head={
              <>
                <Th>Definition</Th>
                <Th>Outcomes in the month</Th>
                <Th className="text-right">Price per outcome</Th>
                <Th className="text-right">Flat fee</Th>
                <Th>How it applies</Th>
              </>
            }
          >
            {contract.outcomePrices.flatMap((p) => {
              const rules = priceRules(p, (amount) => formatUnitPrice(amount, currency)).join(" ");
              return rowsOf(p, currency).map((row, i) => (
                <tr key={`${p.definitionKey}-${row.range}`}>
                  <Td className={i === 0 ? "font-medium text-slate-900" : "text-slate-400"}>
                    {i === 0 ? (
                      (names[p.definitionKey] ?? p.definitionKey)
                    ) : (
                      <span className="sr-only">{names[p.definitionKey] ?? p.definitionKey}</span>
                    )}
                  </Td>
                  <Td>{row.range}</Td>
                  <Td className={price}>{row.unitPrice}</Td>
                  <Td className={price}>{row.flatFee}</Td>
                  <Td className="text-slate-600">{i === 0 ? rules || "Each outcome at its price." : ""}</Td>
                </tr>
              ));
            })}
          </Table>
        )}
      </div>
      <div>
        <h3 className="mb-2 text-sm font-semibold text-slate-900">Discounts</h3>
        {contract.discounts.length === 0 ? (
          <p className="text-sm text-slate-600">No discounts.</p>
        ) : (
          <ul className="space-y-1 text-sm text-slate-700" data-testid="contract-discounts">
            {contract.discounts.map((d, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: discounts have no id and keep their order
              <li key={i}>{describeDiscount(d, (amount) => formatUnitPrice(amount, currency), names)}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{term}</dt>
      <dd className="mt-0.5 text-slate-900">{value}</dd>
    </div>
  );
}

/** One row per tier, one for a flat price, one for a package. */
function rowsOf(p: OutcomePrice, currency: string) {
  const money = (amount: string) => formatUnitPrice(amount, currency);
  if (p.package) {
    return [
      {
        range: `Every block of ${formatQuantity(String(p.package.size))}`,
        unitPrice: `${money(p.package.price)} a block`,
        flatFee: "",
      },
    ];
  }
  if (p.tiers.length === 0) return [{ range: "Every outcome", unitPrice: money(p.unitPrice), flatFee: "" }];
  return tierRanges(p.tiers).map(({ range, tier }) => ({
    range,
    unitPrice: money(tier.unitPrice),
    flatFee: tier.flatFee && !new Dec(tier.flatFee).isZero() ? money(tier.flatFee) : "",
  }));
}
