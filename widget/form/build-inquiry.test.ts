import { describe, expect, test } from 'vitest';
import { InquiryInput } from '../../contract/inquiry';
import { buildInquiry, formValues, pageContext, type FormValues } from './build-inquiry';
import { consentText } from './consent';
import * as ar from '../i18n/packs/ar';
import { en } from './i18n/en';
import { emptyValues } from './state';

const values = (patch: Partial<FormValues>): FormValues => ({ ...emptyValues(), ...patch });

describe('buildInquiry', () => {
  test('trims, drops empty optional fields and sends the quantity as a number', () => {
    const input = buildInquiry({
      values: values({
        name: '  Anna ',
        email: ' anna@example.de ',
        company: '   ',
        quantity: '2.5',
        unit: 'tons',
        message: '  We need 2.5 tons of fittings, please quote.  ',
      }),
      rep: 'moore-liu',
    });
    expect(JSON.parse(JSON.stringify(input))).toEqual({
      name: 'Anna',
      email: 'anna@example.de',
      quantity: 2.5,
      unit: 'tons',
      message: 'We need 2.5 tons of fittings, please quote.',
      rep: 'moore-liu',
    });
    expect(InquiryInput.safeParse(input).success).toBe(true);
  });

  test('no quantity, no unit', () => {
    const input = buildInquiry({ values: values({ unit: 'sets' }) });
    expect(input.unit).toBeUndefined();
    expect(input.quantity).toBeUndefined();
  });

  test('carries the products, each with its own quantity, and the page context', () => {
    const product = { name: 'Ball Valve', url: 'https://x.example/p' };
    const page = { url: 'https://x.example/news' };
    const lines = [
      { product, quantity: ' 200 ', unit: 'sets' },
      { product: { name: 'Gate Valve' }, quantity: '', unit: 'sets' },
      // As typed on an Arabic keyboard (quantity.ts): 1,500.
      { product: { name: 'Pump' }, quantity: '١٬٥٠٠', unit: 'cartons' },
    ];
    // The form's own quantity is the inquiry's only when it names no product.
    const typed = values({ quantity: '5', email: 'a@b.co', message: 'We need 200 ball valves.' });
    const input = buildInquiry({ values: typed, lines, page });
    expect(input).toMatchObject({
      products: [
        { ...product, quantity: 200, unit: 'sets' },
        { name: 'Gate Valve', quantity: undefined, unit: undefined },
        { name: 'Pump', quantity: 1500, unit: 'cartons' },
      ],
      page,
    });
    expect(input.quantity).toBeUndefined();
    expect(InquiryInput.safeParse(input).success).toBe(true);
  });
});

describe('the consent text', () => {
  test("is sent as shown: filled in, in the visitor's language", () => {
    const typed = values({ email: 'anna@example.de', message: 'We need 200 ball valves.' });
    for (const texts of [en, ar.form]) {
      const shown = consentText(texts, 'Hengda Fluid Control');
      const input = buildInquiry({ values: typed, consent: shown });
      expect(input.consent).toBe(shown);
      expect(input.consent).toContain('Hengda Fluid Control');
      expect(InquiryInput.safeParse(input).success).toBe(true);
    }
  });

  test('none shown, none sent', () => {
    expect(buildInquiry({ values: values({}), consent: '  ' }).consent).toBeUndefined();
    expect(buildInquiry({ values: values({}) }).consent).toBeUndefined();
  });
});

describe('pageContext', () => {
  test("clips to the contract's limits and leaves out an empty referrer", () => {
    const context = pageContext({
      location: { href: `https://x.example/?q=${'a'.repeat(3000)}` },
      referrer: '',
      language: 'de-DE',
    });
    expect(context.url).toHaveLength(2000);
    expect(context.referrer).toBeUndefined();
    expect(context.language).toBe('de-DE');
    expect(typeof context.timezone).toBe('string');
  });
});

describe('formValues', () => {
  test('gives back the values an inquiry was built from', () => {
    const typed = values({
      name: 'Anna',
      email: 'anna@example.de',
      phone: '+49 30 1234',
      quantity: '2.5',
      unit: 'tons',
      message: 'We need 2.5 tons of fittings, please quote.',
    });
    expect(formValues(buildInquiry({ values: typed }))).toEqual(typed);
    expect(formValues({ email: 'a@b.de', message: 'x' })).toEqual(
      values({ email: 'a@b.de', message: 'x' }),
    );
  });
});
