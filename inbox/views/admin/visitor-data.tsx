import { useState } from 'preact/hooks';
import { VisitorQuery } from '../../../contract/admin';
import type { AdminApi } from '../../admin-api';
import { localError } from '../../api-error';
import { report } from '../../report';
import { Field } from '../field';
import { FormStatus, fieldsOf, type FormOutcome } from './form-status';

/**
 * A visitor's right to their data and to be forgotten: download everything stored about one
 * email on this site, or delete it (after a confirmation).
 */
export function VisitorData({ api }: { api: AdminApi }) {
  const [email, setEmail] = useState('');
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const fields = fieldsOf(outcome);

  const checked = (): string | null => {
    const parsed = VisitorQuery.safeParse({ email });
    if (parsed.success) return parsed.data.email;
    const error = localError('VALIDATION_FAILED', 'Not done.');
    error.fields = { email: 'Enter the visitor’s email address.' };
    setOutcome({ kind: 'failed', error });
    return null;
  };

  const download = async () => {
    const address = checked();
    if (!address) return;
    const result = await api.exportVisitor(address);
    if (!result.ok) return setOutcome({ kind: 'failed', error: result.error });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([result.value], { type: 'application/json' }));
    link.download = `liaison-visitor-${address}.json`;
    link.click();
    URL.revokeObjectURL(link.href);
    setOutcome({ kind: 'saved', text: `Downloaded the data of ${address}.` });
  };

  const erase = async () => {
    const address = checked();
    if (!address) return;
    if (!window.confirm(`Delete every inquiry and message of ${address}? This cannot be undone.`))
      return;
    const result = await api.deleteVisitor(address);
    if (!result.ok) return setOutcome({ kind: 'failed', error: result.error });
    setOutcome({ kind: 'saved', text: `Deleted ${result.value} inquiries of ${address}.` });
  };

  return (
    <form
      class="admin-form"
      aria-labelledby="admin-visitor"
      noValidate
      onSubmit={(e) => e.preventDefault()}
    >
      <Field id="visitor-email" label="Visitor email" error={fields?.email}>
        {(aria) => (
          <input
            {...aria}
            type="email"
            autoComplete="off"
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        )}
      </Field>
      <div class="actions">
        <button type="button" class="button" onClick={() => download().catch(report)}>
          Download their data
        </button>
        <button type="button" class="button" onClick={() => erase().catch(report)}>
          Delete their data
        </button>
      </div>
      <FormStatus outcome={outcome} />
    </form>
  );
}
