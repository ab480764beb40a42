import { Component, createRef, type RefObject } from 'preact';
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
 * Author and body take the direction of their own text (`dir="auto"`): an English message in
 * the Arabic widget ends with its full stop on the right.
 * A class for its after-render work, so the form module carries no hooks runtime.
 */
export class MessageList extends Component<MessageListProps> {
  declare list: RefObject<HTMLOListElement | null>;

  // Set here, not as a class field: for the form's browsers the build would add helpers.
  constructor(props: MessageListProps) {
    super(props);
    this.list = createRef();
  }

  override componentDidMount() {
    this.showNewest();
  }

  override componentDidUpdate(previous: MessageListProps) {
    if (previous.messages.length !== this.props.messages.length) this.showNewest();
  }

  /** The newest message is the one to see: brought into view when the thread grows. */
  showNewest() {
    this.list.current?.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }

  override render({ messages, locale, repName }: MessageListProps) {
    const t = locale.texts;
    return (
      <ol class="messages" ref={this.list} aria-label={t.messages}>
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
                <span class="msg-author" dir="auto">
                  {author}
                </span>
                {' · '}
                <time dateTime={message.createdAt}>
                  {formatTime(message.createdAt, locale.lang)}
                </time>
              </p>
              <p class="msg-body" dir="auto">
                {message.body}
              </p>
            </li>
          );
        })}
      </ol>
    );
  }
}
