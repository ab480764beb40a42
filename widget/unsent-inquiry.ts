/** The localStorage key of a site's unsent inquiry (the form module's outbox). */
export const outboxKey = (site: string): string => `liaison:${site}:outbox`;

/** The localStorage key of a site's inquiry basket (the form module's `basket.ts`). */
export const basketKey = (site: string): string => `liaison:${site}:basket`;

/**
 * Whether an earlier page view left something the form module must take up: an inquiry it
 * could not send, or an inquiry basket to show. The loader asks on every page view, so this is
 * all it carries of either: the form module does the rest.
 */
export function hasKeptWork(
  site: string,
  storage: () => Pick<Storage, 'getItem'> = () => window.localStorage,
): boolean {
  try {
    const kept = storage();
    return kept.getItem(outboxKey(site)) !== null || kept.getItem(basketKey(site)) !== null;
  } catch {
    // Site data blocked: then nothing could have been kept either.
    return false;
  }
}
