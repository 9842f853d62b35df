import type { Metadata } from "next";
import { CustomerDetailsForm } from "@/components/customers/customer-details-form";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage() {
  const caller = await serverCaller();
  const [me, customers] = await Promise.all([caller.session.me(), caller.customers.list()]);
  return (
    <>
      <PageHeader
        title="Customers"
        description="The companies you bill, with their users. Open one to see its details, its contract and its versions."
      />
      {me.role === "admin" && (
        <div className="mb-4">
          <CustomerDetailsForm />
        </div>
      )}
      {customers.length === 0 ? (
        <EmptyState title="No customers yet">
          <p>Customers appear here when an admin adds one or your systems send one through the API.</p>
        </EmptyState>
      ) : (
        <Table
          caption="Customers"
          head={
            <>
              <Th>Name</Th>
              <Th>External id</Th>
              <Th>Currency</Th>
              <Th>Time zone</Th>
              <Th>Users</Th>
              <Th>Customer since</Th>
            </>
          }
        >
          {customers.map((c) => (
            <tr key={c.id}>
              <Td className="font-medium">
                <Link href={`/customers/${c.id}`} className="text-brand-700 hover:underline">
                  {c.name}
                </Link>
              </Td>
              <Td className="font-mono text-xs">{c.externalId}</Td>
              <Td>{c.currency}</Td>
              <Td>{c.timezone}</Td>
              <Td>{c._count.users}</Td>
              <Td>{formatDateTime(c.createdAt)}</Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
