import { useState } from 'preact/hooks';
import type { AdminRep, AdminRule, AdminTeam } from '../../../contract/admin';
import type { AdminApi } from '../../admin-api';
import { errorAt } from '../../admin-fields';
import { moveItem } from '../../admin-order';
import { emptyDraft, fromDraft, toDraft, type RuleDraft } from '../../admin-rules';
import { localError } from '../../api-error';
import { report } from '../../report';
import { Field } from '../field';
import { fieldsOf, FormStatus, type FormOutcome } from './form-status';
import { TargetOptions } from './target-options';

/** The site's rules, the possible targets, and what to do once saved. */
export interface RulesSectionProps {
  api: AdminApi;
  rules: AdminRule[];
  reps: AdminRep[];
  teams: AdminTeam[];
  onSaved(rules: AdminRule[]): void;
}

let nextKey = 0;

/**
 * The rules as one ordered form: the first rule that matches decides, so order matters and
 * the whole list is saved at once. Move up/down are buttons, usable from the keyboard.
 */
export function RulesSection({ api, rules, reps, teams, onSaved }: RulesSectionProps) {
  const [drafts, setDrafts] = useState<RuleDraft[]>(() => rules.map(toDraft));
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const [moved, setMoved] = useState('');
  const fields = fieldsOf(outcome);

  const change = (index: number, patch: Partial<RuleDraft>) =>
    setDrafts(drafts.map((d, i) => (i === index ? { ...d, ...patch } : d)));

  const move = (index: number, by: -1 | 1) => {
    const next = moveItem(drafts, index, by);
    setDrafts(next);
    const rule = drafts[index];
    setMoved(`${rule?.name || 'Rule'} is now number ${index + by + 1} of ${drafts.length}.`);
    // Keep focus on the same button of the moved rule, so pressing it again moves it further.
    requestAnimationFrame(() => {
      const button = document.getElementById(`rule-${rule?.key}-${by < 0 ? 'up' : 'down'}`);
      if (button instanceof HTMLButtonElement && !button.disabled) button.focus();
      else document.getElementById(`rule-${rule?.key}-name`)?.focus();
    });
  };

  const submit = async () => {
    setMoved('');
    const missing = Object.fromEntries(
      drafts.flatMap((d, i) =>
        d.target === '' ? [[`rules.${i}.target`, 'Choose a rep or a team.']] : [],
      ),
    );
    if (Object.keys(missing).length > 0) {
      const error = localError('VALIDATION_FAILED', 'Not saved.');
      error.fields = missing;
      return setOutcome({ kind: 'failed', error });
    }
    const result = await api.saveRules(drafts.map(fromDraft));
    if (!result.ok) return setOutcome({ kind: 'failed', error: result.error });
    setDrafts(result.value.map(toDraft));
    setOutcome({ kind: 'saved', text: `Rules saved (${result.value.length}).` });
    onSaved(result.value);
  };

  return (
    <form
      class="admin-form"
      aria-labelledby="admin-rules"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit().catch(report);
      }}
    >
      <p class="hint">
        The first rule that matches an inquiry decides who gets it. Empty conditions match
        everything; globs use * for any text.
      </p>
      {drafts.length === 0 && <p>No rules yet.</p>}
      <ol class="rules">
        {drafts.map((draft, i) => {
          const id = `rule-${draft.key}`;
          const at = (path: string, item?: string) => errorAt(fields, `rules.${i}.${path}`, item);
          return (
            <li key={draft.key} class="rule panel">
              <fieldset>
                <legend>
                  Rule {i + 1}
                  {draft.name && `: ${draft.name}`}
                </legend>
                <div class="field-row">
                  <Field id={`${id}-name`} label="Name" error={at('name')}>
                    {(aria) => (
                      <input
                        {...aria}
                        value={draft.name}
                        onInput={(e) => change(i, { name: e.currentTarget.value })}
                      />
                    )}
                  </Field>
                  <Field id={`${id}-target`} label="Send to" error={at('target')}>
                    {(aria) => (
                      <select
                        {...aria}
                        value={draft.target}
                        onChange={(e) => change(i, { target: e.currentTarget.value })}
                      >
                        <option value="">Choose a rep or team</option>
                        <TargetOptions reps={reps} teams={teams} />
                      </select>
                    )}
                  </Field>
                </div>
                <div class="field-row">
                  <Field
                    id={`${id}-page`}
                    label="Page URL"
                    hint="e.g. https://example.com/valves/*"
                    error={at('match.pageUrl')}
                  >
                    {(aria) => (
                      <input
                        {...aria}
                        value={draft.pageUrl}
                        onInput={(e) => change(i, { pageUrl: e.currentTarget.value })}
                      />
                    )}
                  </Field>
                  <Field id={`${id}-sku`} label="SKU" hint="e.g. BV-*" error={at('match.sku')}>
                    {(aria) => (
                      <input
                        {...aria}
                        value={draft.sku}
                        onInput={(e) => change(i, { sku: e.currentTarget.value })}
                      />
                    )}
                  </Field>
                  <Field id={`${id}-category`} label="Category" error={at('match.category')}>
                    {(aria) => (
                      <input
                        {...aria}
                        value={draft.category}
                        onInput={(e) => change(i, { category: e.currentTarget.value })}
                      />
                    )}
                  </Field>
                </div>
                <div class="field-row">
                  <Field
                    id={`${id}-countries`}
                    label="Countries"
                    hint="Comma-separated, e.g. DE, FR or EU."
                    error={at('match.countries', 'Country')}
                  >
                    {(aria) => (
                      <input
                        {...aria}
                        value={draft.countries}
                        onInput={(e) => change(i, { countries: e.currentTarget.value })}
                      />
                    )}
                  </Field>
                  <Field
                    id={`${id}-languages`}
                    label="Languages"
                    hint="Comma-separated, e.g. es, pt."
                    error={at('match.languages', 'Language')}
                  >
                    {(aria) => (
                      <input
                        {...aria}
                        value={draft.languages}
                        onInput={(e) => change(i, { languages: e.currentTarget.value })}
                      />
                    )}
                  </Field>
                </div>
                <div class="actions">
                  <button
                    id={`${id}-up`}
                    type="button"
                    class="button small"
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                  >
                    Move up<span class="visually-hidden"> rule {i + 1}</span>
                  </button>
                  <button
                    id={`${id}-down`}
                    type="button"
                    class="button small"
                    disabled={i === drafts.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    Move down<span class="visually-hidden"> rule {i + 1}</span>
                  </button>
                  <button
                    type="button"
                    class="button small"
                    onClick={() => setDrafts(drafts.filter((_, j) => j !== i))}
                  >
                    Remove<span class="visually-hidden"> rule {i + 1}</span>
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <p class="notice-region" role="status">
        {moved}
      </p>
      <div class="actions">
        <button
          type="button"
          class="button"
          onClick={() => {
            const key = `new-${nextKey++}`;
            setDrafts([...drafts, emptyDraft(key)]);
            requestAnimationFrame(() => document.getElementById(`rule-${key}-name`)?.focus());
          }}
        >
          Add a rule
        </button>
        <button type="submit" class="button primary">
          Save rules
        </button>
      </div>
      <FormStatus outcome={outcome} />
    </form>
  );
}
