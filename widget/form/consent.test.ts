import { describe, expect, test } from 'vitest';
import { InquiryInput } from '../../contract/inquiry';
import { CONSENT_MAX, consentText } from './consent';
import { en } from './i18n/en';

const body = { email: 'anna@example.de', message: 'We need 200 ball valves, DN50, PN40.' };

describe('consentText', () => {
  test("names the site, or says 'we' while its name is unknown", () => {
    expect(consentText(en, 'Hengda Fluid Control')).toBe(
      'By sending, you agree that Hengda Fluid Control stores your details to answer your inquiry.',
    );
    expect(consentText(en, undefined)).toBe(en.consentNoName);
    expect(consentText(en, '')).toBe(en.consentNoName);
  });

  test("a site's own text without {site} is shown as it is, name or not", () => {
    const texts = { ...en, consent: ' See our privacy policy at hengda.example/privacy. ' };
    expect(consentText(texts, undefined)).toBe('See our privacy policy at hengda.example/privacy.');
    expect(consentText(texts, 'Hengda')).toBe('See our privacy policy at hengda.example/privacy.');
  });

  test('an empty override shows no text', () => {
    expect(consentText({ ...en, consent: '' }, 'Hengda')).toBe('');
  });

  test("a long override is clipped to the contract's limit, so inquiries stay valid", () => {
    const consent = consentText({ ...en, consent: 'x'.repeat(5000) }, 'Hengda');
    expect(consent).toHaveLength(CONSENT_MAX);
    expect(InquiryInput.safeParse({ ...body, consent }).success).toBe(true);
    // The limit is the contract's: one character more is refused there.
    expect(InquiryInput.safeParse({ ...body, consent: `${consent}x` }).success).toBe(false);
  });
});
