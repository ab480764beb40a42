import type { AdminRule, RuleInput } from '../contract/admin';
import type { RuleMatch } from '../contract/routing';
import { splitList } from './admin-hours';

/** A rule as its form holds it: every condition as text, the target as "rep:ID" or "team:ID". */
export interface RuleDraft {
  /** Keeps a row's identity while rules move, before the server gives it an id. */
  key: string;
  id?: string;
  name: string;
  pageUrl: string;
  sku: string;
  category: string;
  countries: string;
  languages: string;
  target: string;
}

/** The form's text for a saved rule. */
export const toDraft = (rule: AdminRule): RuleDraft => ({
  key: rule.id,
  id: rule.id,
  name: rule.name,
  pageUrl: rule.match.pageUrl ?? '',
  sku: rule.match.sku ?? '',
  category: rule.match.category ?? '',
  countries: (rule.match.countries ?? []).join(', '),
  languages: (rule.match.languages ?? []).join(', '),
  target: 'repId' in rule.target ? `rep:${rule.target.repId}` : `team:${rule.target.teamId}`,
});

/** An empty rule with a fresh key. */
export const emptyDraft = (key: string): RuleDraft => ({
  key,
  name: '',
  pageUrl: '',
  sku: '',
  category: '',
  countries: '',
  languages: '',
  target: '',
});

/** The rule to send; a condition left empty is left out, so it matches everything. */
export function fromDraft(draft: RuleDraft): RuleInput {
  const match: RuleMatch = {};
  if (draft.pageUrl.trim()) match.pageUrl = draft.pageUrl.trim();
  if (draft.sku.trim()) match.sku = draft.sku.trim();
  if (draft.category.trim()) match.category = draft.category.trim();
  const countries = splitList(draft.countries);
  if (countries.length > 0) match.countries = countries;
  const languages = splitList(draft.languages);
  if (languages.length > 0) match.languages = languages;
  // An unchosen target is sent as an empty id, so the server names the field.
  const target = draft.target.startsWith('team:')
    ? { teamId: draft.target.slice(5) }
    : { repId: draft.target.startsWith('rep:') ? draft.target.slice(4) : '' };
  return { ...(draft.id && { id: draft.id }), name: draft.name, match, target };
}
