import { useOneAtATime } from '../one-at-a-time';
import { useState } from 'preact/hooks';
import {
  type AdminWebhook,
  WEBHOOK_EVENTS,
  WEBHOOK_FORMATS,
  type WebhookEvent,
  type WebhookFormat,
  type WebhookInput,
} from '../../../contract/admin';
import type { AdminApi } from '../../admin-api';
import { errorAt } from '../../admin-fields';
import { errorText } from '../../api-error';
import { report } from '../../report';
import { Field } from '../field';
import { fieldsOf, FormStatus, type FormOutcome } from './form-status';

const FORMATS: Record<WebhookFormat, string> = {
  standard: 'Standard Webhooks (signed JSON)',
  slack: 'Slack',
  wecom: 'WeCom (企业微信)',
  dingtalk: 'DingTalk (钉钉)',
};

const EVENTS: Record<WebhookEvent, string> = {
  'inquiry.created': 'New inquiry',
  'message.created': 'New message from the visitor or a rep',
  'inquiry.status_changed': 'Status changed',
  'inquiry.assigned': 'Assigned to a rep',
};

/** The site's webhooks, and how to reload after a change. */
export interface WebhooksSectionProps {
  api: AdminApi;
  webhooks: AdminWebhook[];
  onChanged(): void;
}

/** Webhooks as a table with Edit, Test, New secret and Delete, and a form to add one. */
export function WebhooksSection({ api, webhooks, onChanged }: WebhooksSectionProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [alert, setAlert] = useState('');
  // A secret is shown once, right after it is made: the server never shows it again.
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const current = webhooks.find((w) => w.id === editing) ?? null;

  const act = async (hook: AdminWebhook, action: 'test' | 'secret' | 'delete') => {
    if (action === 'delete' && !window.confirm(`Delete the webhook to ${hook.url}?`)) return;
    if (action === 'secret' && !window.confirm('Replace the secret? The old one stops at once.'))
      return;
    const result =
      action === 'test'
        ? await api.testWebhook(hook.id)
        : action === 'secret'
          ? await api.rotateWebhookSecret(hook.id)
          : await api.deleteWebhook(hook.id);
    setAlert(result.ok ? '' : errorText(result.error));
    if (!result.ok) return;
    if (typeof result.value === 'object') setSecret({ url: hook.url, secret: result.value.secret });
    setNotice(
      action === 'test'
        ? 'Test event queued: it goes out within seconds; a refusal is listed under Undelivered.'
        : action === 'secret'
          ? 'New secret made.'
          : 'Webhook deleted.',
    );
    if (action === 'delete') onChanged();
  };

  return (
    <>
      <p class="hint">
        Liaison calls these addresses when something happens on an inquiry. Standard Webhooks are
        signed with the webhook’s secret; Slack, WeCom and DingTalk get a one-line message with a
        link to the inquiry (a DingTalk robot with 加签 is signed with its own secret). No visitor
        email, phone or message text is sent.
      </p>
      {webhooks.length === 0 ? (
        <p>No webhooks yet.</p>
      ) : (
        <div class="table-wrap">
          <table class="admin-table">
            <caption class="visually-hidden">Webhooks</caption>
            <thead>
              <tr>
                <th scope="col">Address</th>
                <th scope="col">Format</th>
                <th scope="col">Events</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {webhooks.map((hook) => (
                <tr key={hook.id}>
                  <th scope="row">
                    {hook.url}
                    {!hook.active && ' (off)'}
                  </th>
                  <td data-label="Format">
                    {FORMATS[hook.format]}
                    {hook.format === 'dingtalk' && hook.signed && ', signed'}
                  </td>
                  <td data-label="Events">{hook.events.map((e) => EVENTS[e]).join(', ')}</td>
                  <td class="row-actions">
                    <button
                      type="button"
                      class="button small"
                      aria-expanded={editing === hook.id}
                      onClick={() => setEditing(editing === hook.id ? null : hook.id)}
                    >
                      Edit
                    </button>
                    {(['test', 'secret', 'delete'] as const)
                      .filter((a) => a !== 'secret' || hook.format === 'standard')
                      .map((a) => (
                        <button
                          key={a}
                          type="button"
                          class="button small"
                          onClick={() => act(hook, a).catch(report)}
                        >
                          {{ test: 'Send test event', secret: 'New secret', delete: 'Delete' }[a]}
                        </button>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {secret && (
        <div class="panel" role="region" aria-label="Signing secret">
          <p>The signing secret of {secret.url}. Copy it now: it is not shown again.</p>
          <p>
            <code>{secret.secret}</code>
          </p>
          <button type="button" class="button small" onClick={() => setSecret(null)}>
            Done
          </button>
        </div>
      )}
      {editing === null && (
        <button type="button" class="button" onClick={() => setEditing('new')}>
          Add a webhook
        </button>
      )}
      {(editing === 'new' || current) && (
        <WebhookForm
          key={editing ?? ''}
          api={api}
          webhook={current}
          onSaved={(hook, newSecret) => {
            setEditing(null);
            // A preset's secret is unused, and a DingTalk robot's is the one just typed.
            if (newSecret && hook.format === 'standard')
              setSecret({ url: hook.url, secret: newSecret });
            setNotice(newSecret ? 'Webhook added.' : 'Webhook saved.');
            onChanged();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <p class="notice-region" role="status">
        {notice}
      </p>
      <div class="alert-region" role="alert">
        {alert && <p class="alert">{alert}</p>}
      </div>
    </>
  );
}

interface WebhookFormProps {
  api: AdminApi;
  webhook: AdminWebhook | null;
  onSaved(webhook: AdminWebhook, secret: string | null): void;
  onCancel(): void;
}

/** A webhook's address, format, events and switch. */
function WebhookForm({ api, webhook, onSaved, onCancel }: WebhookFormProps) {
  const [url, setUrl] = useState(webhook?.url ?? '');
  const [format, setFormat] = useState<WebhookFormat>(webhook?.format ?? 'standard');
  const [events, setEvents] = useState<WebhookEvent[]>(webhook?.events ?? ['inquiry.created']);
  const [active, setActive] = useState(webhook?.active ?? true);
  const [robotSecret, setRobotSecret] = useState('');
  const [unsign, setUnsign] = useState(false);
  const signedRobot = webhook?.format === 'dingtalk' && webhook.signed;
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const fields = fieldsOf(outcome);
  const id = webhook ? `webhook-${webhook.id}` : 'webhook-new';

  const submit = useOneAtATime(async () => {
    const typed = robotSecret.trim();
    // Empty keeps a signed robot's secret (the server never shows it); "Stop signing" drops it.
    const secret = format !== 'dingtalk' ? undefined : typed || (unsign ? null : undefined);
    const input: WebhookInput = {
      url,
      format,
      events,
      active,
      ...(secret !== undefined && { secret }),
    };
    if (webhook) {
      const result = await api.updateWebhook(webhook.id, input);
      if (!result.ok) return setOutcome({ kind: 'failed', error: result.error });
      return onSaved(result.value, null);
    }
    const result = await api.createWebhook(input);
    if (!result.ok) return setOutcome({ kind: 'failed', error: result.error });
    onSaved(result.value.webhook, result.value.secret);
  });

  return (
    <form
      class="admin-form panel"
      aria-label={webhook ? 'Edit webhook' : 'New webhook'}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit().catch(report);
      }}
    >
      <h3>{webhook ? 'Edit webhook' : 'New webhook'}</h3>
      <div class="field-row">
        <Field id={`${id}-url`} label="Address (https://)" error={errorAt(fields, 'url')}>
          {(aria) => (
            <input
              {...aria}
              type="url"
              value={url}
              onInput={(e) => setUrl(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id={`${id}-format`} label="Format" error={errorAt(fields, 'format')}>
          {(aria) => (
            <select
              {...aria}
              value={format}
              onChange={(e) =>
                setFormat(WEBHOOK_FORMATS.find((f) => f === e.currentTarget.value) ?? 'standard')
              }
            >
              {WEBHOOK_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {FORMATS[f]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {format === 'dingtalk' && (
        <div class="field-row">
          <Field
            id={`${id}-secret`}
            label="Signing secret (加签)"
            hint={
              signedRobot
                ? 'This robot is signed: leave empty to keep its secret, or enter its new one.'
                : 'SEC… from the robot’s security settings; leave empty for a robot without 加签.'
            }
            error={errorAt(fields, 'secret')}
          >
            {(aria) => (
              <input
                {...aria}
                type="text"
                autocomplete="off"
                spellcheck={false}
                value={robotSecret}
                onInput={(e) => setRobotSecret(e.currentTarget.value)}
              />
            )}
          </Field>
          {signedRobot && (
            <div class="check">
              <input
                id={`${id}-unsign`}
                type="checkbox"
                checked={unsign}
                onChange={(e) => setUnsign(e.currentTarget.checked)}
              />
              <label for={`${id}-unsign`}>Stop signing (the robot no longer uses 加签)</label>
            </div>
          )}
        </div>
      )}
      <fieldset class="members">
        <legend>Events</legend>
        {WEBHOOK_EVENTS.map((event) => (
          <div class="check" key={event}>
            <input
              id={`${id}-event-${event}`}
              type="checkbox"
              checked={events.includes(event)}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setEvents(WEBHOOK_EVENTS.filter((x) => (x === event ? on : events.includes(x))));
              }}
            />
            <label for={`${id}-event-${event}`}>{EVENTS[event]}</label>
          </div>
        ))}
        {errorAt(fields, 'events', 'Event') && (
          <p class="field-error">{errorAt(fields, 'events', 'Event')}</p>
        )}
      </fieldset>
      <div class="check">
        <input
          id={`${id}-active`}
          type="checkbox"
          checked={active}
          onChange={(e) => setActive(e.currentTarget.checked)}
        />
        <label for={`${id}-active`}>On</label>
      </div>
      <div class="actions">
        <button type="submit" class="button primary">
          {webhook ? 'Save webhook' : 'Add webhook'}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <FormStatus outcome={outcome} />
    </form>
  );
}
