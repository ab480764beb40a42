import { useEffect, useRef } from 'preact/hooks';
import type { ThreadMessage } from '../../contract/conversation';
import type { FormTexts } from './i18n/en';
import type { Locale } from '../i18n/locale';
import { formatTime } from './thread-updates';

/** The messages to list and how to name their authors. */
export interface MessageListProps {
  messages: readonly ThreadMessage[];
  locale: Locale<FormTexts>;
  /** The rep's name for rep messages that carry none. */
  repName: string;
}

/**
 * The thread as an ordered list: the visitor's messages on one side, the rep's (with their
 * name) on the other, system events small between them. Author and time are text, so a
 * screen reader reads each item as "Mr. Moore Liu · Nov 29, 2026, 9:05 AM" and the message.
 */
export function MessageList({ messages, locale, repName }: MessageListProps) {
  const t = locale.texts;
  const list = useRef<HTMLOListElement>(null);

  // The newest message is the one to see: bring it into view when the thread grows.
  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }, [messages.length]);

  return (
    <ol class="messages" ref={list} aria-label={t.messages}>
      {messages.map((message) => {
        const author =
          message.author === 'visitor'
            ? t.you
            : message.author === 'rep'
              ? (message.authorName ?? repName)
              : t.update;
        return (
          <li key={message.id} class={`msg ${message.author}`}>
            <p class="msg-meta">
              <span class="msg-author">{author}</span>
              {' · '}
              <time dateTime={message.createdAt}>{formatTime(message.createdAt, locale.lang)}</time>
            </p>
            <p class="msg-body">{message.body}</p>
          </li>
        );
      })}
    </ol>
  );
}
