"use client";
// The editor of a draft version (admins): its criteria, window, price and change note, with the
// text customers will read rendered live from the same function as the published pages.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useMemo, useRef, useState } from "react";
import { FieldError, fieldClass, TextField } from "@/components/ui/form-field";
import { describeVersion, type VersionRuleLike } from "@/domain/definitions/plain-language";
import { fieldErrorsOf } from "@/lib/field-errors";
import { errorMessage, useTRPC } from "@/lib/trpc";
import { CriterionFields } from "./criterion-fields";
import { type DraftState, draftStateOf, newCriterion, ruleOfDraft } from "./draft-rule";
import { VersionTextView } from "./version-text";

export function DraftEditor({
  definitionKey,
  unitLabel,
  draft,
  focusAttribute,
}: {
  definitionKey: string;
  unitLabel: string;
  draft: VersionRuleLike & { changeNote: string };
  focusAttribute: string | null;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [state, setState] = useState<DraftState>(() => draftStateOf(draft));
  const [saved, setSaved] = useState(() => JSON.stringify(ruleOfDraft(draftStateOf(draft)).rule));
  const [checked, setChecked] = useState(false);
  const suggestions = useQuery(trpc.definitions.attributeSuggestions.queryOptions({ definitionKey }));
  const save = useMutation(trpc.definitions.updateDraft.mutationOptions());
  const { rule, errors: clientErrors } = useMemo(() => ruleOfDraft(state), [state]);
  const errors = { ...(checked ? clientErrors : {}), ...fieldErrorsOf(save.error, "rule.") };
  const dirty = JSON.stringify(rule) !== saved;
  const focusIndex = focusAttribute ? state.criteria.findIndex((c) => c.attribute === focusAttribute) : -1;

  // Focus the criterion once, on arrival from the insights; not again while criteria move.
  const focused = useRef(false);
  useEffect(() => {
    if (focusIndex < 0 || focused.current) return;
    focused.current = true;
    const field = document.getElementById(`criteria-${focusIndex}-attribute`);
    field?.scrollIntoView({ block: "center" });
    field?.focus();
  }, [focusIndex]);

  // A criterion without a value (is true, exists…) takes its type from the attributes seen,
  // so switching it to a comparison offers the right input.
  useEffect(() => {
    const seen = suggestions.data;
    if (!seen) return;
    setState((s) => ({
      ...s,
      criteria: s.criteria.map((c) => {
        const found = c.valueText === "" ? seen.find((x) => x.attribute === c.attribute) : undefined;
        return found ? { ...c, type: found.type } : c;
      }),
    }));
  }, [suggestions.data]);

  const setCriteria = (criteria: DraftState["criteria"]) => setState((s) => ({ ...s, criteria }));
  function move(index: number, by: -1 | 1) {
    const next = [...state.criteria];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    setCriteria(next);
    save.reset();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
    save.reset();
    if (Object.keys(clientErrors).length > 0) return;
    save.mutate(
      { definitionKey, number: draft.number, rule },
      {
        onSuccess: () => {
          setSaved(JSON.stringify(rule));
          router.refresh();
        },
      },
    );
  }

  const preview = describeVersion(
    {
      criteria: rule.criteria,
      observationWindowHours: rule.observationWindowHours,
      defaultUnitPrice: rule.defaultUnitPrice || "0",
    },
    { unitLabel },
  );
  const unknownError = save.isError && Object.keys(fieldErrorsOf(save.error, "rule.")).length === 0;
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Edit draft version ${draft.number}`} className="space-y-4">
      <datalist id="attribute-suggestions">
        {(suggestions.data ?? []).map((s) => (
          <option key={`${s.attribute}-${s.type}`} value={s.attribute}>
            {`${s.type}, e.g. ${s.examples.map(String).join(", ")}`}
          </option>
        ))}
      </datalist>
      <div className="grid gap-6 2xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-4">
          {state.criteria.map((c, i) => (
            <CriterionFields
              key={c.key}
              index={i}
              count={state.criteria.length}
              criterion={c}
              suggestions={suggestions.data ?? []}
              errors={errors}
              highlighted={i === focusIndex}
              onChange={(next) => setCriteria(state.criteria.map((x, j) => (j === i ? next : x)))}
              onMove={(by) => move(i, by)}
              onRemove={() => setCriteria(state.criteria.filter((_, j) => j !== i))}
            />
          ))}
          <FieldError id="criteria-error" message={errors.criteria} />
          <button
            type="button"
            onClick={() => {
              setCriteria([...state.criteria, newCriterion()]);
              requestAnimationFrame(() =>
                document.getElementById(`criteria-${state.criteria.length}-attribute`)?.focus(),
              );
            }}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
          >
            Add a criterion
          </button>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              id="draft-window"
              label="Observation window (hours)"
              type="number"
              min={0}
              step={1}
              value={state.windowText}
              onValue={(windowText) => setState((s) => ({ ...s, windowText }))}
              error={errors.observationWindowHours}
              hint="How long outcomes stay pending for late events (a reopen, a rating)."
            />
            <TextField
              id="draft-price"
              label={`Default price per ${unitLabel}`}
              inputMode="decimal"
              value={state.price}
              onValue={(price) => setState((s) => ({ ...s, price }))}
              error={errors.defaultUnitPrice}
              hint="An exact decimal in the contract's currency; a contract may set its own."
            />
          </div>
          <div>
            <label htmlFor="draft-change-note" className="block text-sm font-medium text-slate-700">
              Change note
            </label>
            <textarea
              id="draft-change-note"
              rows={3}
              value={state.changeNote}
              onChange={(e) => setState((s) => ({ ...s, changeNote: e.target.value }))}
              aria-invalid={!!errors.changeNote}
              aria-describedby={errors.changeNote ? "draft-change-note-error" : "draft-change-note-hint"}
              className={fieldClass}
            />
            {errors.changeNote ? (
              <FieldError id="draft-change-note-error" message={errors.changeNote} />
            ) : (
              <p id="draft-change-note-hint" className="mt-1 text-xs text-slate-500">
                What this version changes and why; customers read it with the version.
              </p>
            )}
          </div>
        </div>
        <section aria-labelledby="draft-preview-heading" className="rounded-lg bg-slate-50 p-4">
          <h3 id="draft-preview-heading" className="text-sm font-semibold text-slate-900">
            Version {draft.number} as customers will read it
          </h3>
          <div className="mt-2">
            <VersionTextView text={preview} testId="draft-preview" />
          </div>
        </section>
      </div>
      {checked && Object.keys(clientErrors).length > 0 && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          Some fields need attention; each says what is wrong.
        </p>
      )}
      {unknownError && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {errorMessage(save.error)}
        </p>
      )}
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={save.isPending}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70"
        >
          {save.isPending ? "Saving…" : `Save draft version ${draft.number}`}
        </button>
        <p role="status" className="text-sm text-slate-600">
          {dirty ? "Unsaved changes: the impact preview and publishing use the saved draft." : "All changes saved."}
        </p>
      </div>
    </form>
  );
}
