import { useEffect, useRef } from 'preact/hooks';
import type { Me } from '../../contract/inbox';
import { errorText } from '../api-error';
import { dateTime, visitorName } from '../format';
import type { InquiryActions } from '../inquiry-actions';
import { report } from '../report';
import { BASE } from '../router';
import type { InboxState } from '../state';
import { InquiryControls } from './inquiry-controls';
import { ReplyBox } from './reply-box';
import { StatusBadge } from './status-badge';
import { Thread } from './thread';
import { VisitorDetails } from './visitor-details';

/** What the inquiry pane shows and does. */
export interface InquiryViewProps {
  state: InboxState;
  actions: InquiryActions;
  me: Me;
  /** Move focus to the heading once loaded: the rep navigated here themselves. */
  focusOnLoad: boolean;
}

/** One inquiry: who, what, the thread, the reply box and the status controls. */
export function InquiryView({ state, actions, me, focusOnLoad }: InquiryViewProps) {
  const inquiry = state.detail.inquiry.value;
  const error = state.detail.error.value;
  const heading = useRef<HTMLHeadingElement>(null);
  const admin = me.role === 'admin';

  useEffect(() => {
    if (inquiry && focusOnLoad) heading.current?.focus();
  }, [inquiry?.id]);

  useEffect(() => {
    if (admin && state.reps.value.length === 0) actions.loadReps().catch(report);
  }, [admin]);

  const back = (
    <a class="back-link" href={BASE}>
      Back to inbox
    </a>
  );

  if (!inquiry) {
    return (
      <div class="inquiry">
        {back}
        {error ? (
          <div class="alert" role="alert">
            <p>{errorText(error)}</p>
          </div>
        ) : (
          <p role="status">Loading the inquiry…</p>
        )}
      </div>
    );
  }

  const name = visitorName(inquiry.visitor);
  const context = [inquiry.visitor.company, inquiry.visitor.country].filter(Boolean).join(' · ');
  return (
    <article class="inquiry" aria-labelledby="inquiry-title">
      {back}
      <header class="inquiry-head">
        <h2 id="inquiry-title" tabIndex={-1} ref={heading} dir="auto">
          {name}
        </h2>
        {context && (
          <p class="inquiry-context" dir="auto">
            {context}
          </p>
        )}
        <p class="inquiry-meta">
          <StatusBadge status={inquiry.status} />
          <span>
            Received <time dateTime={inquiry.createdAt}>{dateTime(inquiry.createdAt)}</time>
          </span>
        </p>
      </header>
      <InquiryControls inquiry={inquiry} actions={actions} reps={admin ? state.reps.value : null} />
      <div class="inquiry-body">
        <section class="conversation" aria-labelledby="thread-title">
          <h3 id="thread-title">Conversation</h3>
          <Thread inquiryId={inquiry.id} messages={inquiry.messages} visitorName={name} />
          <h3 class="visually-hidden">Reply</h3>
          <ReplyBox
            key={inquiry.id}
            inquiryId={inquiry.id}
            visitorEmail={inquiry.visitor.email}
            actions={actions}
          />
        </section>
        <section class="about" aria-labelledby="details-title">
          <h3 id="details-title">Details</h3>
          <VisitorDetails inquiry={inquiry} />
        </section>
      </div>
    </article>
  );
}
