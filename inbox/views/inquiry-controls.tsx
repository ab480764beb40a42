import { useOneAtATime } from './one-at-a-time';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  STATUSES,
  InquiryUpdate,
  type InquiryDetail,
  type RepOption,
  type Status,
} from '../../contract/inbox';
import { errorText } from '../api-error';
import { STATUS_LABELS } from '../format';
import type { InquiryActions } from '../inquiry-actions';
import { report } from '../report';

/** The inquiry, what the signed-in rep may change, and how. */
export interface InquiryControlsProps {
  inquiry: InquiryDetail;
  actions: InquiryActions;
  /** The site's reps when the signed-in rep is an admin; null hides reassignment. */
  reps: RepOption[] | null;
}

/**
 * Status and (for admins) the assigned rep. Each select applies with its own button: a change
 * on every arrow key press would mail, reopen or mark spam by accident (WCAG 3.2.2).
 */
export function InquiryControls({ inquiry, actions, reps }: InquiryControlsProps) {
  const [status, setStatus] = useState<Status>(inquiry.status);
  const [repId, setRepId] = useState(inquiry.rep?.id ?? '');
  const [message, setMessage] = useState('');
  const [alert, setAlert] = useState('');
  // A live update of the inquiry moves a select along only if the rep has not picked another
  // value meanwhile: marking it read ("new" -> "open") must not undo a choice being made.
  const shown = useRef({ status: inquiry.status, repId: inquiry.rep?.id ?? '' });
  useEffect(() => {
    const previous = shown.current;
    const next = { status: inquiry.status, repId: inquiry.rep?.id ?? '' };
    shown.current = next;
    setStatus((current) => (current === previous.status ? next.status : current));
    setRepId((current) => (current === previous.repId ? next.repId : current));
  }, [inquiry.status, inquiry.rep?.id]);

  const update = useOneAtATime(
    async (input: InquiryUpdate, done: (updated: InquiryDetail) => string) => {
      const result = await actions.update(input);
      if (result.ok) setMessage(done(result.value));
      else setAlert(errorText(result.error));
    },
  );
  const apply = (input: InquiryUpdate, done: (updated: InquiryDetail) => string) => {
    const parsed = InquiryUpdate.safeParse(input);
    setMessage('');
    setAlert('');
    if (!parsed.success) return setAlert('Choose a value first.');
    update(parsed.data, done).catch(report);
  };

  return (
    <div class="controls">
      <form
        class="control"
        onSubmit={(event) => {
          event.preventDefault();
          if (status === inquiry.status)
            return setMessage(`It is already ${STATUS_LABELS[status]}.`);
          apply({ status }, (updated) => `Status changed to ${STATUS_LABELS[updated.status]}.`);
        }}
      >
        <label for="status-select">Status</label>
        <select
          id="status-select"
          value={status}
          onChange={(event) => {
            const next = STATUSES.find((s) => s === event.currentTarget.value);
            if (next) setStatus(next);
          }}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <button type="submit" class="button">
          Change status
        </button>
      </form>
      {reps && (
        <form
          class="control"
          onSubmit={(event) => {
            event.preventDefault();
            if (repId === (inquiry.rep?.id ?? '')) return setMessage('That rep has it already.');
            apply({ repId }, (updated) => `Assigned to ${updated.rep?.name ?? 'nobody'}.`);
          }}
        >
          <label for="rep-select">Assigned rep</label>
          <select
            id="rep-select"
            value={repId}
            onChange={(event) => setRepId(event.currentTarget.value)}
          >
            {!inquiry.rep && <option value="">Unassigned</option>}
            {reps.map((rep) => (
              <option key={rep.id} value={rep.id}>
                {rep.active ? rep.name : `${rep.name} (inactive)`}
              </option>
            ))}
          </select>
          <button type="submit" class="button">
            Reassign
          </button>
        </form>
      )}
      <p class="notice-region" role="status">
        {message}
      </p>
      <div class="alert-region" role="alert">
        {alert && <p class="alert">{alert}</p>}
      </div>
    </div>
  );
}
