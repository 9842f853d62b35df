import type { Metadata } from "next";
import { ApiKeysSection } from "@/components/settings/api-keys-section";
import { AutoAssignmentSection } from "@/components/settings/auto-assignment-section";
import { CannedRationalesSection } from "@/components/settings/canned-rationales-section";
import { DisputeServiceLevelSection } from "@/components/settings/dispute-service-level-section";
import { LegalDetailsSection } from "@/components/settings/legal-details-section";
import { WebhooksSection } from "@/components/settings/webhooks-section";
import { AccessDenied } from "@/components/ui/access-denied";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { ROLE_LABELS } from "@/domain/roles";
import { formatDateTime } from "@/lib/format";
import { currentActor } from "@/server/auth/current-actor";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const actor = await currentActor();
  if (actor?.role !== "admin") return <AccessDenied homePath="/review" reason="Settings are for provider admins." />;
  const caller = await serverCaller();
  const [users, apiKeys, webhookEndpoints, webhookDeliveries, provider, customers, rationales] = await Promise.all([
    caller.users.list(),
    caller.apiKeys.list(),
    caller.webhooks.list(),
    caller.webhooks.deliveries({}),
    caller.settings.get(),
    caller.customers.list(),
    caller.settings.cannedRationales(),
  ]);
  return (
    <>
      <PageHeader
        title="Settings"
        description="Users, the dispute service level, the legal details on invoices, API keys and webhooks of this Outcome Ledger."
      />
      <div className="space-y-6">
        <Card title={`Users (${users.length})`}>
          <Table
            caption="Users"
            head={
              <>
                <Th>Name</Th>
                <Th>E-mail</Th>
                <Th>Role</Th>
                <Th>Customer</Th>
                <Th>Last sign-in</Th>
              </>
            }
          >
            {users.map((u) => (
              <tr key={u.id}>
                <Td className="font-medium text-slate-900">{u.name}</Td>
                <Td>{u.email}</Td>
                <Td>{ROLE_LABELS[u.role]}</Td>
                <Td>{u.customer?.name ?? "Provider staff"}</Td>
                <Td>{formatDateTime(u.lastSignInAt)}</Td>
              </tr>
            ))}
          </Table>
        </Card>
        <DisputeServiceLevelSection businessDays={provider.disputeSlaBusinessDays} />
        <AutoAssignmentSection
          mode={provider.autoAssignment}
          customers={customers.map(({ id, name, reviewerId }) => ({ id, name, reviewerId }))}
          reviewers={users.filter((u) => u.role === "reviewer" && !u.disabledAt).map(({ id, name }) => ({ id, name }))}
        />
        <CannedRationalesSection rationales={rationales} />
        <LegalDetailsSection legal={provider.legal} />
        <ApiKeysSection keys={apiKeys} />
        <WebhooksSection endpoints={webhookEndpoints} deliveries={webhookDeliveries} />
      </div>
    </>
  );
}
