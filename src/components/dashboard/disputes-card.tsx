import { Card } from "@/components/ui/card";

/** Disputes arrive with the review queue; until then this says so rather than showing zeros. */
export function DisputesCard() {
  return (
    <Card title="Disputes">
      <p className="text-sm text-slate-700">No disputes yet — contesting outcomes arrives with the review queue.</p>
      <p className="mt-2 text-xs text-slate-500">
        Credits already issued on finalized invoices are in the credits chart below.
      </p>
    </Card>
  );
}
