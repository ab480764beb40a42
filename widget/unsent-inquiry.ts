/** The localStorage key of a site's unsent inquiry (the form module's outbox). */
export const outboxKey = (site: string): string => `liaison:${site}:outbox`;

/**
 * Whether an earlier page view left an inquiry it could not send. The loader asks on every page
 * view, so this is all it carries of the outbox: the form module does the sending.
 */
export function hasUnsentInquiry(
  site: string,
  storage: () => Pick<Storage, 'getItem'> = () => window.localStorage,
): boolean {
  try {
    return storage().getItem(outboxKey(site)) !== null;
  } catch {
    // Site data blocked: then nothing could have been kept either.
    return false;
  }
}
