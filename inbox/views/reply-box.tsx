import { useEffect, useRef, useState } from 'preact/hooks';
import { MESSAGE_MAX } from '../../contract/inquiry';
import { ReplyInput } from '../../contract/inbox';
import { errorText } from '../api-error';
import type { InquiryActions } from '../inquiry-actions';
import { report } from '../report';
import { Field } from './field';

type Kind = ReplyInput['kind'];

/** Who the reply goes to, and how to send it. */
export interface ReplyBoxProps {
  inquiryId: string;
  visitorEmail: string;
  actions: InquiryActions;
}

/**
 * One textarea with "Send reply" (mailed to the visitor) and "Add internal note" (reps only).
 * What is typed is kept as the inquiry's draft until it is sent.
 */
export function ReplyBox({ inquiryId, visitorEmail, actions }: ReplyBoxProps) {
  const [body, setBodyState] = useState(() => actions.draftOf(inquiryId));
  const [error, setError] = useState('');
  const [alert, setAlert] = useState('');
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState<Kind | null>(null);
  const [attempts, setAttempts] = useState(0);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const setBody = (text: string) => {
    actions.keepDraft(inquiryId, text);
    setBodyState(text);
  };

  // Focus returns to the textarea after a refused attempt, once its error is rendered.
  useEffect(() => {
    if (attempts > 0 && error) textarea.current?.focus();
  }, [attempts]);

  const send = (kind: Kind) => {
    if (busy) return;
    const parsed = ReplyInput.safeParse({ body, kind });
    setAlert('');
    setNotice('');
    if (!parsed.success) {
      setError(
        body.trim() === ''
          ? `Write your ${kind === 'reply' ? 'reply' : 'note'} first.`
          : `Keep it under ${MESSAGE_MAX.toLocaleString('en')} characters.`,
      );
      setAttempts((n) => n + 1);
      return;
    }
    setBusy(kind);
    actions
      .send(parsed.data)
      .then((result) => {
        if (result.ok) {
          // Words typed while it was sending are the next message's: they stay, and only they.
          const draft = actions.draftOf(inquiryId);
          if (draft.startsWith(body)) setBody(draft.slice(body.length).trimStart());
          setError('');
          setNotice(kind === 'reply' ? `Reply sent to ${visitorEmail}.` : 'Internal note added.');
        } else if (result.error.fields?.body) {
          setError(result.error.fields.body);
          setAttempts((n) => n + 1);
        } else {
          setAlert(errorText(result.error));
        }
      })
      .catch(report)
      .finally(() => setBusy(null));
  };

  return (
    <form
      class="reply"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        send('reply');
      }}
    >
      <Field
        id="reply-body"
        label="Your message"
        error={error}
        hint={`"Send reply" emails it to ${visitorEmail}. "Add internal note" is seen only by reps.`}
      >
        {(aria) => (
          <textarea
            {...aria}
            ref={textarea}
            rows={6}
            dir="auto"
            name="body"
            value={body}
            onInput={(event) => {
              setBody(event.currentTarget.value);
              if (error) setError('');
            }}
          />
        )}
      </Field>
      <div class="alert-region" role="alert">
        {alert && <p class="alert">{alert}</p>}
      </div>
      <div class="reply-actions">
        <button type="submit" class="button primary">
          {busy === 'reply' ? 'Sending…' : 'Send reply'}
        </button>
        <button type="button" class="button note-button" onClick={() => send('note')}>
          {busy === 'note' ? 'Adding…' : 'Add internal note'}
        </button>
      </div>
      <p class="notice-region" role="status">
        {notice}
      </p>
    </form>
  );
}
