// A new contract version for a customer, in force from the start of a UTC day (a version that
// starts after the 1st shares its first period with the one before: proration.ts).
// Periods already finalized keep the version they were billed under, so a version cannot start
// inside one; the grace days must
// cover the longest observation window, so no period is finalized with outcomes pending.
import type { Actor } from "@/domain/actor";
import { actorLabel } from "@/domain/actor";
import { periodStartOf } from "@/domain/invoicing/periods";
import { Prisma } from "@/generated/prisma/client";
import { type Tx, transaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { ContractTermsInput } from "./contract-schema";

export async function createContractVersion({
  actor,
  customerId,
  input,
}: {
  actor: Actor;
  customerId: string;
  input: ContractTermsInput;
}) {
  const terms = ContractTermsInput.parse(input);
  return transaction(async (tx) => {
    const customer = await tx.customer.findUnique({ where: { id: customerId } });
    if (!customer) throw AppError.notFound("The customer");
    await tx.$executeRaw`SELECT 1 FROM customer WHERE "id" = ${customerId}::uuid FOR UPDATE`;
    await assertKnownDefinitions(tx, terms);
    await assertGraceCoversWindows(tx, terms.graceDays);
    const finalized = await tx.invoice.findFirst({
      where: { customerId, status: "finalized", periodStart: { gte: periodStartOf(terms.effectiveFrom) } },
      orderBy: { periodStart: "desc" },
    });
    if (finalized) {
      throw new AppError(
        "VALIDATION_FAILED",
        `${finalized.number} already bills ${finalized.periodStart.toISOString().slice(0, 7)}; a new version can only start after the last finalized period.`,
        [{ path: "effectiveFrom", message: "Falls in a finalized period." }],
      );
    }
    const last = await tx.contract.findFirst({ where: { customerId }, orderBy: { version: "desc" } });
    const replaced = await tx.contract.findUnique({
      where: { customerId_effectiveFrom: { customerId, effectiveFrom: terms.effectiveFrom } },
    });
    if (replaced) {
      throw new AppError("CONFLICT", `Version ${replaced.version} already starts on that day; choose another day.`, [
        { path: "effectiveFrom", message: "Already taken." },
      ]);
    }
    const contract = await tx.contract.create({
      data: {
        customerId,
        version: (last?.version ?? 0) + 1,
        effectiveFrom: terms.effectiveFrom,
        currency: customer.currency,
        platformFee: terms.platformFee,
        attemptFees: terms.attemptFees as Prisma.InputJsonValue,
        outcomePrices: terms.outcomePrices as Prisma.InputJsonValue,
        monthlyCap: terms.monthlyCap,
        minimumCommitment: terms.minimumCommitment,
        discounts: terms.discounts as Prisma.InputJsonValue,
        termCommitment: terms.termCommitment ?? Prisma.DbNull,
        disputeWindowDays: terms.disputeWindowDays,
        graceDays: terms.graceDays,
        paymentTermsDays: terms.paymentTermsDays,
        prepaidAllowance: terms.prepaidAllowance === null ? Prisma.DbNull : { ...terms.prepaidAllowance },
        changeNote: terms.changeNote,
        authorLabel: actorLabel(actor),
      },
    });
    await appendAuditEntry(tx, {
      actor,
      action: "contract.version_created",
      subjectType: "contract",
      subjectId: contract.id,
      customerId,
      before: last && { version: last.version },
      after: { version: contract.version, currency: contract.currency, ...terms },
    });
    return contract;
  });
}

async function assertKnownDefinitions(tx: Tx, terms: ReturnType<typeof ContractTermsInput.parse>) {
  const keys = [
    ...terms.outcomePrices.map((p) => p.definitionKey),
    ...terms.attemptFees.flatMap((f) => (f.definitionKey ? [f.definitionKey] : [])),
  ];
  const known = new Set(
    (await tx.outcomeDefinition.findMany({ where: { key: { in: keys } }, select: { key: true } })).map((d) => d.key),
  );
  const unknown = keys.find((k) => !known.has(k));
  if (unknown)
    throw new AppError("VALIDATION_FAILED", `No outcome definition has the key "${unknown}".`, [
      { path: "outcomePrices", message: `Unknown definition "${unknown}".` },
    ]);
}

async function assertGraceCoversWindows(tx: Tx, graceDays: number) {
  const longest = await tx.definitionVersion.aggregate({
    _max: { observationWindowHours: true },
    where: { status: { not: "draft" } },
  });
  const hours = longest._max.observationWindowHours ?? 0;
  if (graceDays * 24 < hours) {
    throw new AppError(
      "VALIDATION_FAILED",
      `The grace period must cover the longest observation window (${hours} hours): use at least ${Math.ceil(hours / 24)} days.`,
      [{ path: "graceDays", message: `At least ${Math.ceil(hours / 24)} days.` }],
    );
  }
}
