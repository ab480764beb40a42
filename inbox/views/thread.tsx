import type { InboxMessage } from '../../contract/inbox';
import { dateTime } from '../format';
import { FileList } from './file-list';

/** The thread and the names to show for authors the server left unnamed. */
export interface ThreadProps {
  inquiryId: string;
  messages: InboxMessage[];
  visitorName: string;
}

function author(message: InboxMessage, visitorName: string): string {
  if (message.kind === 'visitor') return message.authorName ?? visitorName;
  return message.authorName ?? 'A rep';
}

/** The whole conversation, oldest first: visitor, replies, internal notes and system events. */
export function Thread({ inquiryId, messages, visitorName }: ThreadProps) {
  if (messages.length === 0) return <p class="empty">No messages yet.</p>;
  return (
    <ol class="thread">
      {messages.map((message) => {
        const when = <time dateTime={message.createdAt}>{dateTime(message.createdAt)}</time>;
        if (message.kind === 'system') {
          return (
            <li key={message.id} class="msg msg-system">
              <span class="visually-hidden">Event: </span>
              {message.body} · {when}
            </li>
          );
        }
        return (
          <li key={message.id} class={`msg msg-${message.kind}`}>
            <p class="msg-head">
              {message.kind === 'note' && <span class="note-label">Internal note</span>}
              <span class="msg-author">{author(message, visitorName)}</span>
              {message.channel === 'email' && <span class="msg-channel">by email</span>}
              {when}
            </p>
            <p class="msg-body" dir="auto">
              {message.body}
            </p>
            {message.attachments.length > 0 && (
              <FileList inquiryId={inquiryId} files={message.attachments} />
            )}
          </li>
        );
      })}
    </ol>
  );
}
