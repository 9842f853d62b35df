import { DISPUTE_REASON_LABELS, type DisputeReason } from "@/domain/disputes/dispute-terms";
import { formatDateTime } from "@/lib/format";

export interface DisputeClaimView {
  reason: DisputeReason;
  message: string;
  supportingText: string;
  supportingLinks: string[];
  scopeLabel: string;
  openedBy: string;
  openedAt: Date;
}

/** The customer's claim as it was made. */
export function DisputeClaim({ claim }: { claim: DisputeClaimView }) {
  return (
    <dl className="space-y-3 text-sm">
      <div>
        <dt className="font-medium text-slate-500">Reason</dt>
        <dd className="text-slate-900">{DISPUTE_REASON_LABELS[claim.reason]}</dd>
      </div>
      <div>
        <dt className="font-medium text-slate-500">Message</dt>
        <dd className="whitespace-pre-line text-slate-900">{claim.message}</dd>
      </div>
      {claim.supportingText && (
        <div>
          <dt className="font-medium text-slate-500">Supporting text</dt>
          <dd className="whitespace-pre-line text-slate-900">{claim.supportingText}</dd>
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
          {formatDateTime(claim.openedAt)} by {claim.openedBy}
        </dd>
      </div>
    </dl>
  );
}
