import { createHash } from 'node:crypto';
import type { Store } from '../storage/store';

/** A minute: availability changes at shift boundaries, and a card a minute late is fine. */
export const WIDGET_CONFIG_CACHE_CONTROL = 'public, max-age=60';

/** One widget-config answer as sent: its JSON text, its ETag, and whom the site lets ask. */
export interface WidgetConfigAnswer {
  body: string;
  etag: string;
  allowedOrigins: readonly string[];
}

/**
 * Widget-config answers kept for `ttlMs` per site key and query string, so that a page view
 * costs no database read and no hashing. Stale by at most `ttlMs` (on top of the answer's own
 * `max-age=60` in browsers): another process's admin change, an availability that flips at a
 * shift boundary, an open-inquiry count reaching a rep's cap. This process's own admin changes
 * clear it at once (`clearingOnConfigChange`).
 */
export interface WidgetConfigAnswers {
  get(siteKey: string, query: string): WidgetConfigAnswer | null;
  put(siteKey: string, query: string, answer: Omit<WidgetConfigAnswer, 'etag'>): WidgetConfigAnswer;
  clear(): void;
}

export interface WidgetConfigAnswersOptions {
  /** How long an answer is reused. */
  ttlMs?: number;
  /** Answers kept at most (a site's pages times languages); the oldest go first. */
  maxEntries?: number;
  /** Milliseconds, for the TTL (createApp passes the app's clock, which tests move). */
  now?: () => number;
}

/** An in-process cache of widget-config answers (see WidgetConfigAnswers). */
export function createWidgetConfigAnswers({
  ttlMs = 5_000,
  maxEntries = 2_000,
  now = () => performance.now(),
}: WidgetConfigAnswersOptions = {}): WidgetConfigAnswers {
  const entries = new Map<string, WidgetConfigAnswer & { until: number }>();
  // Site keys are [a-z0-9-] and a query string has no newline (it is percent-encoded).
  const keyOf = (siteKey: string, query: string) => `${siteKey}\n${query}`;
  return {
    get(siteKey, query) {
      const key = keyOf(siteKey, query);
      const entry = entries.get(key);
      if (!entry) return null;
      if (entry.until > now()) return entry;
      entries.delete(key);
      return null;
    },
    put(siteKey, query, { body, allowedOrigins }) {
      const key = keyOf(siteKey, query);
      // The same strong ETag Hono's etag() gives: the SHA-1 of the body.
      const answer = {
        body,
        allowedOrigins,
        etag: `"${createHash('sha1').update(body).digest('hex')}"`,
      };
      entries.delete(key);
      if (entries.size >= maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(key, { ...answer, until: now() + ttlMs });
      return answer;
    },
    clear() {
      entries.clear();
    },
  };
}

/** Store methods that change what a widget-config answer says (site, reps, teams, rules). */
const CONFIG_WRITES = [
  'createSite',
  'createSiteWithRep',
  'createRep',
  'setDefaultRep',
  'setRepActive',
  'updateRepProfile',
  'updateRep',
  'updateSite',
  'saveTeam',
  'deleteTeam',
  'replaceRules',
] as const satisfies ReadonlyArray<keyof Store>;

/** `store`, clearing `answers` after each write of site configuration succeeds. */
export function clearingOnConfigChange(store: Store, answers: WidgetConfigAnswers): Store {
  const wrapped: Store = { ...store };
  for (const name of CONFIG_WRITES) {
    const write = store[name] as (...args: unknown[]) => Promise<void>;
    Object.assign(wrapped, {
      [name]: async (...args: unknown[]) => {
        try {
          await write.apply(store, args);
        } finally {
          // Also after a failure: a write may have changed something before it failed.
          answers.clear();
        }
      },
    });
  }
  return wrapped;
}

/** Whether an If-None-Match header names `etag` (weak or strong, as Hono's etag() compares). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .includes(etag);
}
