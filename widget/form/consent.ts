import { fill } from '../i18n/locale';
import type { FormTexts } from './i18n/en';

/** The contract's limit for `consent` (contract/inquiry.ts); consent.test.ts checks they agree. */
export const CONSENT_MAX = 1000;

/**
 * The consent text above the send button, exactly as shown: the same string is sent as the
 * inquiry's `consent`, so the server records what the visitor read, in their language.
 * Until the site's name is known the "we" wording stands in; a site's own text without
 * `{site}` needs no name. Clipped to the contract's limit: a long override must not make
 * every inquiry invalid, and what is sent must still be what is shown. Empty: no text.
 */
export function consentText(
  t: Pick<FormTexts, 'consent' | 'consentNoName'>,
  site: string | undefined,
): string {
  const text = !t.consent.includes('{site}')
    ? t.consent
    : site
      ? fill(t.consent, { site })
      : t.consentNoName;
  return text.trim().slice(0, CONSENT_MAX).trim();
}
