/** The part of `sessionStorage` drafts use; a map in tests. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/**
 * A rep's unsent reply per inquiry, kept for this tab: another inquiry opened meanwhile, a live
 * update or a sign-in after the session ended loses nothing. Signing out forgets them all.
 */
export interface Drafts {
  /** `key`: the rep's and the inquiry's ids (inquiry-actions.ts). */
  get(key: string): string;
  /** Keeps `text` (an empty one is no draft). */
  set(key: string, text: string): void;
  clearAll(): void;
}

const PREFIX = 'liaison:inbox-draft:';

/** Drafts in `storage`, with memory as the fallback where it throws (storage off, full). */
export function createDrafts(storage: () => DraftStorage = () => window.sessionStorage): Drafts {
  const memory = new Map<string, string>();
  const attempt = (use: (store: DraftStorage) => void) => {
    try {
      use(storage());
    } catch {
      // Kept in memory only: the draft still survives navigation within this page.
    }
  };
  return {
    get(inquiryId) {
      const key = PREFIX + inquiryId;
      let text = memory.get(key);
      attempt((store) => (text ??= store.getItem(key) ?? undefined));
      return text ?? '';
    },
    set(inquiryId, text) {
      const key = PREFIX + inquiryId;
      if (text) memory.set(key, text);
      else memory.delete(key);
      attempt((store) => (text ? store.setItem(key, text) : store.removeItem(key)));
    },
    clearAll() {
      memory.clear();
      attempt((store) => {
        const keys: string[] = [];
        for (let i = 0; i < store.length; i++) {
          const key = store.key(i);
          if (key?.startsWith(PREFIX)) keys.push(key);
        }
        for (const key of keys) store.removeItem(key);
      });
    },
  };
}
