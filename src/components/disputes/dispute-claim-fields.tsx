"use client";
import { FieldError, fieldClass } from "@/components/ui/form-field";
import { DISPUTE_REASON_LABELS, DISPUTE_REASONS } from "@/domain/disputes/dispute-terms";
import type { FieldErrors } from "@/lib/field-errors";

export interface DisputeClaimDraft {
  reason: string;
  message: string;
  supportingText: string;
  /** One link a line, as typed. */
  links: string;
}

/** The claim of a dispute: reason, message, supporting text and links, each with the server's error beside it. */
export function DisputeClaimFields({
  claim,
  onClaim,
  fields,
}: {
  claim: DisputeClaimDraft;
  onClaim: (claim: DisputeClaimDraft) => void;
  fields: FieldErrors;
}) {
  const set = (key: keyof DisputeClaimDraft) => (value: string) => onClaim({ ...claim, [key]: value });
  // The server names a bad link by its index ("supportingLinks.2"); people count lines from 1.
  const linkErrors = Object.entries(fields)
    .filter(([path]) => path.startsWith("supportingLinks"))
    .map(([path, message]) => {
      const index = Number(path.split(".")[1]);
      return Number.isInteger(index) ? `Line ${index + 1}: ${message}` : message;
    });
  const describedBy = (id: string, error: unknown, hint?: boolean) =>
    error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <>
      <div>
        <label htmlFor="dispute-reason" className="block text-sm font-medium text-slate-700">
          Reason
        </label>
        <select
          id="dispute-reason"
          value={claim.reason}
          onChange={(e) => set("reason")(e.target.value)}
          aria-invalid={!!fields.reason}
          aria-describedby={describedBy("dispute-reason", fields.reason)}
          className={fieldClass}
        >
          <option value="">Choose a reason…</option>
          {DISPUTE_REASONS.map((r) => (
            <option key={r} value={r}>
              {DISPUTE_REASON_LABELS[r]}
            </option>
          ))}
        </select>
        <FieldError id="dispute-reason-error" message={fields.reason} />
      </div>
      <div>
        <label htmlFor="dispute-message" className="block text-sm font-medium text-slate-700">
          Message to the reviewer
        </label>
        <textarea
          id="dispute-message"
          value={claim.message}
          onChange={(e) => set("message")(e.target.value)}
          rows={4}
          maxLength={5000}
          required
          aria-invalid={!!fields.message}
          aria-describedby={describedBy("dispute-message", fields.message, true)}
          className={fieldClass}
        />
        {fields.message ? (
          <FieldError id="dispute-message-error" message={fields.message} />
        ) : (
          <p id="dispute-message-hint" className="mt-1 text-xs text-slate-500">
            What is wrong with these outcomes, in a sentence or two.
          </p>
        )}
      </div>
      <div>
        <label htmlFor="dispute-supporting-text" className="block text-sm font-medium text-slate-700">
          Supporting text <span className="font-normal text-slate-500">(optional)</span>
        </label>
        <textarea
          id="dispute-supporting-text"
          value={claim.supportingText}
          onChange={(e) => set("supportingText")(e.target.value)}
          rows={3}
          maxLength={20000}
          aria-invalid={!!fields.supportingText}
          aria-describedby={describedBy("dispute-supporting-text", fields.supportingText)}
          className={fieldClass}
        />
        <FieldError id="dispute-supporting-text-error" message={fields.supportingText} />
      </div>
      <div>
        <label htmlFor="dispute-links" className="block text-sm font-medium text-slate-700">
          Supporting links <span className="font-normal text-slate-500">(optional)</span>
        </label>
        <textarea
          id="dispute-links"
          value={claim.links}
          onChange={(e) => set("links")(e.target.value)}
          rows={2}
          placeholder="https://…"
          aria-invalid={linkErrors.length > 0}
          aria-describedby={describedBy("dispute-links", linkErrors.length > 0, true)}
          className={fieldClass}
        />
        {linkErrors.length > 0 ? (
          <div id="dispute-links-error">
            {linkErrors.map((message, i) => (
              <FieldError key={message} id={`dispute-links-error-${i}`} message={message} />
            ))}
          </div>
        ) : (
          <p id="dispute-links-hint" className="mt-1 text-xs text-slate-500">
            One web address a line, e.g. the ticket in your helpdesk.
          </p>
        )}
      </div>
    </>
  );
}
