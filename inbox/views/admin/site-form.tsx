import { useEffect, useState } from 'preact/hooks';
import { PROOF_OF_WORK } from '../../../contract/inquiry';
import type { AdminRep, AdminSite, AdminTeam } from '../../../contract/admin';
import type { AdminApi } from '../../admin-api';
import { errorAt } from '../../admin-fields';
import { localError } from '../../api-error';
import { report } from '../../report';
import { Field } from '../field';
import { fieldsOf, FormStatus, type FormOutcome } from './form-status';
import { TargetOptions } from './target-options';

/** The site, the choices for its default, and what to do once saved. */
export interface SiteFormProps {
  api: AdminApi;
  site: AdminSite;
  reps: AdminRep[];
  teams: AdminTeam[];
  onSaved(site: AdminSite): void;
}

const defaultOf = (site: AdminSite) =>
  site.defaultTeamId
    ? `team:${site.defaultTeamId}`
    : site.defaultRepId
      ? `rep:${site.defaultRepId}`
      : '';

/** The site's settings: name, origins, theme, language, who gets what no rule takes, the promise. */
export function SiteForm({ api, site, reps, teams, onSaved }: SiteFormProps) {
  const [name, setName] = useState(site.name);
  const [origins, setOrigins] = useState(site.allowedOrigins.join('\n'));
  const [themeColor, setThemeColor] = useState(site.themeColor ?? '');
  const [language, setLanguage] = useState(site.defaultLanguage ?? '');
  const [promise, setPromise] = useState(String(site.replyPromiseHours));
  const [reassign, setReassign] = useState(site.escalationReassign);
  const [pow, setPow] = useState(site.proofOfWork);
  const [retention, setRetention] = useState(
    site.retentionDays === null ? '' : String(site.retentionDays),
  );
  const [fallback, setFallback] = useState(defaultOf(site));
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setFallback(defaultOf(site)), [site.defaultRepId, site.defaultTeamId]);
  const fields = fieldsOf(outcome);

  const submit = async () => {
    const hours = Number(promise);
    if (!/^\d+$/.test(promise.trim()) || hours < 1 || hours > 720) {
      const error = localError('VALIDATION_FAILED', 'Not saved.');
      error.fields = { replyPromiseHours: 'Enter whole hours from 1 to 720.' };
      return setOutcome({ kind: 'failed', error });
    }
    const days = retention.trim() === '' ? null : Number(retention);
    if (days !== null && (!/^\d+$/.test(retention.trim()) || days < 1 || days > 3650)) {
      const error = localError('VALIDATION_FAILED', 'Not saved.');
      error.fields = { retentionDays: 'Enter whole days from 1 to 3650, or leave it empty.' };
      return setOutcome({ kind: 'failed', error });
    }
    setBusy(true);
    const result = await api.saveSite({
      retentionDays: days,
      proofOfWork: pow,
      name,
      allowedOrigins: origins
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
      themeColor: themeColor.trim() || null,
      defaultLanguage: language.trim() || null,
      replyPromiseHours: hours,
      escalationReassign: reassign,
      defaultRepId: fallback.startsWith('rep:') ? fallback.slice(4) : null,
      defaultTeamId: fallback.startsWith('team:') ? fallback.slice(5) : null,
    });
    setBusy(false);
    if (!result.ok) return setOutcome({ kind: 'failed', error: result.error });
    setOutcome({ kind: 'saved', text: 'Site settings saved.' });
    onSaved(result.value);
  };

  return (
    <form
      class="admin-form"
      aria-labelledby="admin-site"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit().catch(report);
      }}
    >
      <Field id="site-name" label="Site name" error={errorAt(fields, 'name')}>
        {(aria) => <input {...aria} value={name} onInput={(e) => setName(e.currentTarget.value)} />}
      </Field>
      <Field
        id="site-origins"
        label="Allowed origins"
        hint="One per line, e.g. https://example.com, https://*.example.com or http://localhost:*."
        error={errorAt(fields, 'allowedOrigins', 'Line')}
      >
        {(aria) => (
          <textarea
            {...aria}
            rows={4}
            value={origins}
            onInput={(e) => setOrigins(e.currentTarget.value)}
          />
        )}
      </Field>
      <div class="field-row">
        <Field
          id="site-theme"
          label="Theme colour"
          hint="#rrggbb, e.g. #1d4ed8; empty for the default."
          error={errorAt(fields, 'themeColor')}
        >
          {(aria) => (
            <div class="colour-input">
              <input
                {...aria}
                value={themeColor}
                onInput={(e) => setThemeColor(e.currentTarget.value)}
              />
              <span
                class="swatch"
                aria-hidden="true"
                style={{
                  background: /^#[0-9a-f]{6}$/i.test(themeColor) ? themeColor : 'transparent',
                }}
              />
            </div>
          )}
        </Field>
        <Field
          id="site-language"
          label="Default language"
          hint='A language tag, e.g. "en".'
          error={errorAt(fields, 'defaultLanguage')}
        >
          {(aria) => (
            <input {...aria} value={language} onInput={(e) => setLanguage(e.currentTarget.value)} />
          )}
        </Field>
        <Field
          id="site-promise"
          label="Reply promise (hours)"
          hint="From 1 to 720."
          error={errorAt(fields, 'replyPromiseHours')}
        >
          {(aria) => (
            <input
              {...aria}
              type="number"
              min={1}
              max={720}
              inputMode="numeric"
              value={promise}
              onInput={(e) => setPromise(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field
          id="site-retention"
          label="Keep closed inquiries (days)"
          hint="Closed inquiries older than this are deleted. Empty: keep them."
          error={errorAt(fields, 'retentionDays')}
        >
          {(aria) => (
            <input
              {...aria}
              type="number"
              min={1}
              max={3650}
              inputMode="numeric"
              value={retention}
              onInput={(e) => setRetention(e.currentTarget.value)}
            />
          )}
        </Field>
      </div>
      <Field
        id="site-pow"
        label="Proof-of-work"
        hint="A few hundred milliseconds of the visitor's browser per inquiry; stops floods of bots."
        error={errorAt(fields, 'proofOfWork')}
      >
        {(aria) => (
          <select
            {...aria}
            value={pow}
            onChange={(e) => {
              const next = PROOF_OF_WORK.find((m) => m === e.currentTarget.value);
              if (next) setPow(next);
            }}
          >
            <option value="auto">Only while the site is flooded</option>
            <option value="on">Always</option>
            <option value="off">Never</option>
          </select>
        )}
      </Field>
      <Field
        id="site-default"
        label="Default team or rep"
        hint="Gets the inquiries no rule takes."
        error={errorAt(fields, 'defaultTeamId') ?? errorAt(fields, 'defaultRepId')}
      >
        {(aria) => (
          <select {...aria} value={fallback} onChange={(e) => setFallback(e.currentTarget.value)}>
            <option value="">Nobody (the site's queue)</option>
            <TargetOptions reps={reps} teams={teams} />
          </select>
        )}
      </Field>
      <div class="check">
        <input
          id="site-reassign"
          type="checkbox"
          checked={reassign}
          onChange={(e) => setReassign(e.currentTarget.checked)}
        />
        <label for="site-reassign">
          Hand unanswered inquiries to a teammate when the promise runs out
        </label>
      </div>
      <button type="submit" class="button primary" disabled={busy}>
        Save site
      </button>
      <FormStatus outcome={outcome} />
    </form>
  );
}
