// The two globals the widget touches, and the constant the build defines. Both are typed `unknown`: the page (or a stub snippet)
// may have put anything there, so every read is checked.
declare global {
  /** The form module's version (vite.config.ts `formVersion`), for its URL in the loader. */
  const __FORM_VERSION__: string;

  interface Window {
    liaison?: unknown;
    liaisonSettings?: unknown;
  }
}

export {};
