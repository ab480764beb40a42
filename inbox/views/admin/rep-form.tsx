import { useState } from 'preact/hooks';
import type { AdminRep, RepInput } from '../../../contract/admin';
import { ROLES, type Role } from '../../../contract/inbox';
import { WEEKDAYS, type Weekday } from '../../../contract/routing';
import type { AdminApi } from '../../admin-api';
import { errorAt } from '../../admin-fields';
import { formatHours, parseHours, splitList } from '../../admin-hours';
import { localError } from '../../api-error';
import { report } from '../../report';
import { Field } from '../field';
import { fieldsOf, FormStatus, type FormOutcome } from './form-status';
import { HoursEditor, type HoursDraft } from './hours-editor';

/** The rep to edit (null: a new one) and what to do once saved or cancelled. */
export interface RepFormProps {
  api: AdminApi;
  rep: AdminRep | null;
  onSaved(rep: AdminRep, created: boolean): void;
  onCancel(): void;
}

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Adds or edits a rep: account, languages and countries, contact, cap, and working hours. */
export function RepForm({ api, rep, onSaved, onCancel }: RepFormProps) {
  const [name, setName] = useState(rep?.name ?? '');
  const [title, setTitle] = useState(rep?.title ?? '');
  const [email, setEmail] = useState(rep?.email ?? '');
  const [handle, setHandle] = useState(rep?.handle ?? '');
  const [role, setRole] = useState<Role>(rep?.role ?? 'rep');
  const [active, setActive] = useState(rep?.active ?? true);
  const [away, setAway] = useState(rep?.profile.away ?? false);
  const [languages, setLanguages] = useState(rep?.profile.languages.join(', ') ?? '');
  const [countries, setCountries] = useState(rep?.profile.countries.join(', ') ?? '');
  const [whatsapp, setWhatsapp] = useState(rep?.profile.whatsapp ?? '');
  const [maxOpen, setMaxOpen] = useState(rep?.profile.maxOpen?.toString() ?? '');
  const [hours, setHours] = useState<HoursDraft>({
    enabled: rep?.profile.hours != null,
    timezone: rep?.profile.hours?.timezone ?? browserZone(),
    days: formatHours(rep?.profile.hours ?? null),
  });
  const [dayErrors, setDayErrors] = useState<Partial<Record<Weekday, string>>>({});
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const [busy, setBusy] = useState(false);
  const fields = fieldsOf(outcome);
  const id = rep ? `rep-${rep.id}` : 'rep-new';

  const fail = (fields: Record<string, string>) => {
    const error = localError('VALIDATION_FAILED', 'Not saved.');
    error.fields = fields;
    setOutcome({ kind: 'failed', error });
  };

  const submit = async () => {
    const parsed = hours.enabled ? parseHours(hours.timezone, hours.days) : null;
    setDayErrors(parsed && !parsed.ok ? parsed.errors : {});
    const cap = maxOpen.trim();
    if (cap !== '' && !/^\d+$/.test(cap))
      return fail({ 'profile.maxOpen': 'Enter a whole number, or leave it empty.' });
    if (parsed && !parsed.ok) return fail({ 'profile.hours': 'Correct the working hours.' });
    const input: RepInput = {
      name,
      title: title.trim() || null,
      email,
      role,
      handle,
      active,
      profile: {
        languages: splitList(languages),
        countries: splitList(countries),
        hours: parsed?.ok ? parsed.hours : null,
        away,
        whatsapp: whatsapp.trim() || null,
        maxOpen: cap === '' ? null : Number(cap),
      },
    };
    setBusy(true);
    const result = rep ? await api.updateRep(rep.id, input) : await api.createRep(input);
    setBusy(false);
    if (!result.ok) {
      const days = result.error.fields ?? {};
      setDayErrors(
        Object.fromEntries(
          WEEKDAYS.flatMap((day) => {
            const message = errorAt(days, `profile.hours.days.${day}`, 'Period');
            return message ? [[day, message]] : [];
          }),
        ),
      );
      return setOutcome({ kind: 'failed', error: result.error });
    }
    setOutcome({ kind: 'saved', text: `${result.value.name} saved.` });
    onSaved(result.value, rep === null);
  };

  return (
    <form
      class="admin-form panel"
      aria-label={rep ? `Edit ${rep.name}` : 'New rep'}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit().catch(report);
      }}
    >
      <h3>{rep ? `Edit ${rep.name}` : 'New rep'}</h3>
      <div class="field-row">
        <Field id={`${id}-name`} label="Name" error={errorAt(fields, 'name')}>
          {(aria) => (
            <input {...aria} value={name} onInput={(e) => setName(e.currentTarget.value)} />
          )}
        </Field>
        <Field id={`${id}-title`} label="Title" error={errorAt(fields, 'title')}>
          {(aria) => (
            <input {...aria} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
          )}
        </Field>
      </div>
      <div class="field-row">
        <Field
          id={`${id}-email`}
          label="Email"
          hint={
            rep ? 'An email cannot be changed yet.' : 'New reps sign in with a link mailed here.'
          }
          error={errorAt(fields, 'email')}
        >
          {(aria) => (
            <input
              {...aria}
              type="email"
              autoComplete="off"
              readOnly={rep !== null}
              value={email}
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field
          id={`${id}-handle`}
          label="Handle"
          hint="For the embed's data-rep, e.g. ana-wu."
          error={errorAt(fields, 'handle')}
        >
          {(aria) => (
            <input {...aria} value={handle} onInput={(e) => setHandle(e.currentTarget.value)} />
          )}
        </Field>
        <Field id={`${id}-role`} label="Role" error={errorAt(fields, 'role')}>
          {(aria) => (
            <select
              {...aria}
              value={role}
              onChange={(e) => setRole(ROLES.find((r) => r === e.currentTarget.value) ?? 'rep')}
            >
              <option value="rep">Rep</option>
              <option value="admin">Admin</option>
            </select>
          )}
        </Field>
      </div>
      <div class="field-row">
        <Field
          id={`${id}-languages`}
          label="Languages"
          hint="Comma-separated tags, e.g. es, en."
          error={errorAt(fields, 'profile.languages', 'Language')}
        >
          {(aria) => (
            <input
              {...aria}
              value={languages}
              onInput={(e) => setLanguages(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field
          id={`${id}-countries`}
          label="Countries"
          hint="Comma-separated codes, names or regions, e.g. MX, LATAM."
          error={errorAt(fields, 'profile.countries', 'Country')}
        >
          {(aria) => (
            <input
              {...aria}
              value={countries}
              onInput={(e) => setCountries(e.currentTarget.value)}
            />
          )}
        </Field>
      </div>
      <div class="field-row">
        <Field
          id={`${id}-whatsapp`}
          label="WhatsApp"
          hint="International form, e.g. +8613800000000."
          error={errorAt(fields, 'profile.whatsapp')}
        >
          {(aria) => (
            <input
              {...aria}
              type="tel"
              value={whatsapp}
              onInput={(e) => setWhatsapp(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field
          id={`${id}-max-open`}
          label="Most open inquiries"
          hint="1 to 1000; empty for no cap."
          error={errorAt(fields, 'profile.maxOpen')}
        >
          {(aria) => (
            <input
              {...aria}
              inputMode="numeric"
              value={maxOpen}
              onInput={(e) => setMaxOpen(e.currentTarget.value)}
            />
          )}
        </Field>
      </div>
      <div class="checks">
        <div class="check">
          <input
            id={`${id}-active`}
            type="checkbox"
            checked={active}
            onChange={(e) => setActive(e.currentTarget.checked)}
          />
          <label for={`${id}-active`}>Active</label>
        </div>
        <div class="check">
          <input
            id={`${id}-away`}
            type="checkbox"
            checked={away}
            onChange={(e) => setAway(e.currentTarget.checked)}
          />
          <label for={`${id}-away`}>Away (gets no new inquiries)</label>
        </div>
      </div>
      {errorAt(fields, 'active') && <p class="field-error">{errorAt(fields, 'active')}</p>}
      <HoursEditor
        id={`${id}-hours`}
        value={hours}
        onChange={setHours}
        dayErrors={dayErrors}
        timezoneError={errorAt(fields, 'profile.hours.timezone')}
      />
      <div class="actions">
        <button type="submit" class="button primary" disabled={busy}>
          {rep ? 'Save rep' : 'Add rep'}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <FormStatus outcome={outcome} />
    </form>
  );
}
