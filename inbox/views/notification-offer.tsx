import type { DesktopNotifications } from '../desktop-notifications';
import { report } from '../report';

/** Offers desktop notifications; the browser asks only after this button is pressed. */
export function NotificationOffer({ notifications }: { notifications: DesktopNotifications }) {
  const permission = notifications.permission.value;
  if (permission === 'default') {
    return (
      <button
        type="button"
        class="button subtle offer"
        onClick={() => notifications.request().catch(report)}
      >
        Turn on desktop notifications
      </button>
    );
  }
  if (permission === 'granted') {
    return <p class="offer-note">Desktop notifications are on while this tab is open.</p>;
  }
  return null;
}
