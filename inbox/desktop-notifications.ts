import { signal, type ReadonlySignal } from '@preact/signals';

/** The browser's permission, or `unsupported` when it has no Notification API. */
export type NotificationState = NotificationPermission | 'unsupported';

/** Desktop notifications, offered by a button and never requested on load. */
export interface DesktopNotifications {
  permission: ReadonlySignal<NotificationState>;
  /** Asks for permission; call it from a click only (browsers ignore it otherwise). */
  request(): Promise<void>;
  /** Shows a notification when permitted and the tab is hidden; `onClick` opens the item. */
  show(options: { title: string; body: string; tag: string; onClick(): void }): void;
}

/** Options: the window whose Notification API and visibility are used. */
export interface DesktopNotificationsOptions {
  win?: Window & typeof globalThis;
}

/** Creates the notifier over `win.Notification`. */
export const createDesktopNotifications = ({
  win = window,
}: DesktopNotificationsOptions = {}): DesktopNotifications => {
  const supported = 'Notification' in win;
  const permission = signal<NotificationState>(
    supported ? win.Notification.permission : 'unsupported',
  );
  return {
    permission,
    async request() {
      if (!supported) return;
      permission.value = await win.Notification.requestPermission();
    },
    show({ title, body, tag, onClick }) {
      if (!supported || win.Notification.permission !== 'granted') return;
      // The rep is looking at the inbox already: the list updates in front of them.
      if (win.document.visibilityState === 'visible') return;
      // `tag` replaces an older notification about the same inquiry instead of stacking.
      const notification = new win.Notification(title, { body, tag });
      notification.addEventListener('click', () => {
        win.focus();
        onClick();
        notification.close();
      });
    },
  };
};
