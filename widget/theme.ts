import type { ThemeVars } from '../contract/widget-config';

/** Sets the site's theme (the config's `site.theme`) on `element`, inherited by all in it. */
export function applyTheme(element: HTMLElement, theme: ThemeVars | null | undefined): void {
  for (const [name, value] of Object.entries(theme ?? {})) element.style.setProperty(name, value);
}
