/** The part of `Storage` the token store uses; a plain object in tests. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Keeps the visitor's conversation token for one site. */
export interface TokenStore {
  get(): string | null;
  set(token: string): void;
  clear(): void;
}

/** Which site, and where to keep its token (the page's localStorage unless a test says). */
export interface TokenStoreOptions {
  site: string;
  /** May throw: reading `localStorage` itself fails where the visitor blocks site data. */
  storage?: () => StorageLike;
}

/** The localStorage key of a site's conversation token. */
export const tokenKey = (site: string): string => `liaison:${site}:conversation`;

/**
 * Creates the token store of one site. Storage may be missing or refuse writes (Safari's
 * private mode, blocked cookies): then the token lives in memory for this page view, quietly,
 * since there is nothing the visitor or the site owner could do about it.
 */
export const createTokenStore = ({
  site,
  storage = () => window.localStorage,
}: TokenStoreOptions): TokenStore => {
  const key = tokenKey(site);
  let memory: string | null = null;

  const attempt = <T>(use: (store: StorageLike) => T): T | null => {
    try {
      return use(storage());
    } catch {
      // SecurityError or QuotaExceededError: storage is not ours to use; memory will do.
      return null;
    }
  };

  return {
    // Storage wins when it answers: another tab of the site may have started a newer thread.
    get: () => attempt((store) => store.getItem(key)) ?? memory,
    set(token) {
      memory = token;
      attempt((store) => store.setItem(key, token));
    },
    clear() {
      memory = null;
      attempt((store) => store.removeItem(key));
    },
  };
};
