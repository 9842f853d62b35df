// The customer's claim as they made it: reason, message, what they added, what it covers, who
// opened it and when, and where it stands against the service level.
import { DISPUTE_REASON_LABELS, type DisputeReason } from "@/domain/disputes/dispute-terms";
import type { ServiceLevelState } from "@/domain/disputes/service-level";
import { formatDateTime } from "@/lib/format";
import { ServiceLevelLabel } from "./service-level-label";

export interface ClaimView {
  reason: DisputeReason;
  message: string;
  supportingText: string;
  supportingLinks: string[];
  scopeLabel: string;
  openedBy: string;
  openedAt: Date;
  slaDueAt: Date;
  serviceLevel: ServiceLevelState | null;
  customerName: string;
}

export function DisputeClaim({ claim }: { claim: ClaimView }) {
  return (
    <dl className="space-y-3 text-sm">
      <div>
        <dt className="font-medium text-slate-500">Reason</dt>
        <dd className="text-slate-900">{DISPUTE_REASON_LABELS[claim.reason]}</dd>
      </div>
      <div>
        <dt className="font-medium text-slate-500">Message</dt>
        <dd className="whitespace-pre-wrap text-slate-900">{claim.message}</dd>
      </div>
      {claim.supportingText && (
        <div>
          <dt className="font-medium text-slate-500">Supporting text</dt>
          <dd className="max-h-60 overflow-y-auto whitespace-pre-wrap rounded-md bg-slate-50 p-2 text-slate-800">
            {claim.supportingText}
          </dd>
        </div>
      )}
      {claim.supportingLinks.length > 0 && (
        <div>
          <dt className="font-medium text-slate-500">Supporting links</dt>
          <dd>
            <ul className="space-y-1">
              {claim.supportingLinks.map((url) => (
                <li key={url}>
                  <a
                    href={url}
                    target="_blank"
                    rel="noopener noreferrer"
                    className="break-all text-brand-700 underline"
                  >
                    {url}
                  </a>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      )}
      <div>
        <dt className="font-medium text-slate-500">Covers</dt>
        <dd className="text-slate-900">{claim.scopeLabel}</dd>
      </div>
      <div>
        <dt className="font-medium text-slate-500">Opened</dt>
        <dd className="text-slate-900">
          by {claim.openedBy} ({claim.customerName}), {formatDateTime(claim.openedAt)}
        </dd>
      </div>
      <div>
        <dt className="font-medium text-slate-500">Service level</dt>
        <dd>
          <ServiceLevelLabel serviceLevel={claim.serviceLevel} />
          <span className="block text-xs text-slate-500">Due {formatDateTime(claim.slaDueAt)}</span>
        </dd>
      </div>
    </dl>
  );
}
