import { DISPUTE_REASON_LABELS, type DisputeReason } from "@/domain/disputes/dispute-terms";
import type { ServiceLevelState } from "@/domain/disputes/service-level";
import { formatDateTimeIn } from "@/lib/format";
import { ServiceLevel } from "./service-level";

export interface DisputeClaimView {
  reason: DisputeReason;
  message: string;
  supportingText: string;
  supportingLinks: string[];
  scopeLabel: string;
  openedBy: string;
  openedAt: Date;
  customer: { name: string };
  slaDueAt: Date;
  serviceLevel: ServiceLevelState | null;
}

/**
 * The customer's claim as it was made: reason, message, what they added, what it covers, who
 * opened it and when. Provider staff also see the customer's name and the service level beside it.
 */
export function DisputeClaim({
  claim,
  staffDetails = false,
  timeZone,
}: {
  claim: DisputeClaimView;
  staffDetails?: boolean;
  /** The customer's IANA zone: instants are shown in it, named. */
  timeZone: string;
}) {
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
          {/* Pasted logs can be long: the box scrolls rather than push the rest of the claim away. */}
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
                <li key={url} className="break-all">
                  <a href={url} rel="noopener noreferrer nofollow" target="_blank" className="text-brand-700 underline">
                    {url}
                  </a>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      )}
      <div>
        <dt className="font-medium text-slate-500">What is disputed</dt>
        <dd className="text-slate-900">{claim.scopeLabel}</dd>
      </div>
      <div>
        <dt className="font-medium text-slate-500">Opened</dt>
        <dd className="text-slate-900">
          {formatDateTimeIn(claim.openedAt, timeZone)} by {claim.openedBy}
          {staffDetails && ` (${claim.customer.name})`}
        </dd>
      </div>
      {staffDetails && (
        <div>
          <dt className="font-medium text-slate-500">Service level</dt>
          <dd>
            <ServiceLevel state={claim.serviceLevel} />
            <span className="block text-xs text-slate-500">Due {formatDateTimeIn(claim.slaDueAt, timeZone)}</span>
          </dd>
        </div>
      )}
    </dl>
  );
}
