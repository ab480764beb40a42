import { h } from './dom';
import type { LangDir } from './i18n/locale';

/**
 * A short message at the foot of the screen, announced to screen readers: what the visitor
 * sees when the form they asked for could not load. One per page, replaced by the next.
 */
export function createNotice(mount: (host: HTMLElement) => void) {
  let box: HTMLElement | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (text: string, locale: LangDir) => {
    if (!box) {
      // role=alert is read as soon as its text changes; it exists before the text arrives.
      box = h('p', { class: 'notice', role: 'alert' });
      mount(box);
    }
    box.lang = locale.lang;
    box.dir = locale.dir;
    box.textContent = text;
    box.hidden = false;
    clearTimeout(timer);
    const shown = box;
    timer = setTimeout(() => (shown.hidden = true), 10_000);
  };
}
