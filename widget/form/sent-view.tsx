import type { FormTexts } from './i18n/en';
import { fill, type Locale } from '../i18n/locale';
import { SentIcon } from './icons';
import { WhatsappChat } from './whatsapp-chat';

/** What the confirmation names: the recipient and the address replies go to. */
export interface SentViewProps {
  locale: Locale<FormTexts>;
  /** Who received it: the rep from the answer, else the site. */
  recipient: string;
  email: string;
  onClose: () => void;
  /** Shows the thread this inquiry started; absent when there is no token to show it with. */
  onView?: () => void;
  /** A WhatsApp chat with the rep who received it; absent when they have none. */
  chat?: string | null;
}

// One function for every render: Preact calls a ref again only when it is another function,
// so the heading takes focus when it appears, not on each re-render.
const focusOnMount = (element: HTMLElement | null) => element?.focus();

/** The confirmation after a 201; its heading takes focus so it is read out at once. */
export function SentView({ locale, recipient, email, onClose, onView, chat }: SentViewProps) {
  const t = locale.texts;
  return (
    <div class="sent" role="status">
      <span class="sent-icon">
        <SentIcon />
      </span>
      <h3 class="sent-title" tabIndex={-1} ref={focusOnMount}>
        {fill(t.sentTitle, { name: recipient })}
      </h3>
      <p>{fill(t.sentReply, { email })}</p>
      <div class="sent-actions">
        {onView && (
          <button type="button" class="btn primary" onClick={onView}>
            {t.viewConversation}
          </button>
        )}
        <button type="button" class={onView ? 'btn secondary' : 'btn primary'} onClick={onClose}>
          {t.close}
        </button>
        {chat && <WhatsappChat href={chat} texts={t} />}
      </div>
    </div>
  );
}
