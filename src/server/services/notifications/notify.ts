// Writes in-app notifications inside the caller's transaction, so they exist exactly when the
// change they announce does. Customer-wide ones (userId null) reach every finance user of the
// company; provider staff get one row each.
import { clock } from "@/server/clock";
import type { Tx } from "@/server/db";

export interface NotificationText {
  kind: string;
  title: string;
  body: string;
  link: string;
}

/** For the customer's finance users (read by one, read for all). */
export async function notifyCustomerFinance(tx: Tx, customerId: string, text: NotificationText): Promise<void> {
  await tx.notification.create({ data: { customerId, userId: null, ...text, createdAt: clock.now() } });
}

/** For the given provider staff, or every active admin and reviewer when none is named. */
export async function notifyProviderStaff(
  tx: Tx,
  customerId: string,
  text: NotificationText,
  { userIds, except }: { userIds?: readonly string[]; except?: string } = {},
): Promise<void> {
  const staff = await tx.user.findMany({
    where: {
      role: { in: ["admin", "reviewer"] },
      disabledAt: null,
      ...(userIds ? { id: { in: [...userIds] } } : {}),
    },
    select: { id: true },
  });
  const recipients = staff.filter((s) => s.id !== except);
  if (recipients.length === 0) return;
  const createdAt = clock.now();
  await tx.notification.createMany({
    data: recipients.map((s) => ({ customerId, userId: s.id, ...text, createdAt })),
  });
}
