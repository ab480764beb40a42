// The two globals the widget touches. Both are typed `unknown`: the page (or a stub snippet)
// may have put anything there, so every read is checked.
declare global {
  interface Window {
    liaison?: unknown;
    liaisonSettings?: unknown;
  }
}

export {};
