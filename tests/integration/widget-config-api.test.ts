import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody, WidgetConfig } from '../../contract';
import { FORM_TEXT_KEYS } from '../../widget/form/i18n/keys';
import { ENGLISH, PACKS } from '../../widget/i18n/packs';
import { createTestApp, type TestApp } from '../support/test-app';
import { sendInquiry } from '../support/inbox-client';

// GET /api/v1/sites/{key}/widget-config through the app (the server's front door sends kept
// answers before it: front-door.test.ts).

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const CONFIG = '/api/v1/sites/demo/widget-config';

describe('GET widget-config', () => {
  it('describes the site and its rep card, cacheably', async () => {
    const res = await t.app.request(CONFIG);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toMatch(/max-age=\d+/);
    const etag = res.headers.get('ETag');
    expect(etag).toBeTruthy();
    const config = (await res.json()) as WidgetConfig;
    expect(config).toEqual({
      site: { name: 'Hengda Fluid Control', replyPromiseHours: 24, themeColor: null, theme: null },
      rep: {
        handle: 'moore-liu',
        name: 'Mr. Moore Liu',
        title: 'Sales Manager',
        photoUrl: 'http://localhost:8787/demo/moore-liu.svg',
        available: true,
        nextAvailableAt: null,
        back: null,
        whatsapp: null,
      },
      texts: null,
    });
    const again = await t.app.request(CONFIG, { headers: { 'If-None-Match': etag ?? '' } });
    expect(again.status).toBe(304);
  });

  it("answers with no photo, not a 500, for a rep's photo address no browser could load", async () => {
    const moore = await t.store.findRepByEmail('moore.liu@example.com');
    const photos: Array<[string, string | null]> = [
      ['https://cdn example.com/moore.png', null],
      ['javascript:alert(1)', null],
      ['/photos/moore.jpg', 'http://localhost:8787/photos/moore.jpg'],
    ];
    for (const [n, [stored, sent]] of photos.entries()) {
      // Written past the app (no cached answer is cleared): a query of its own each time.
      await t.store.updateRep(moore!.id, { photoUrl: stored });
      const res = await t.app.request(`${CONFIG}?tzo=${n}`);
      expect(res.status, stored).toBe(200);
      expect(((await res.json()) as WidgetConfig).rep?.photoUrl, stored).toBe(sent);
    }
  });

  it("writes an off-duty rep's return in the visitor's time and language", async () => {
    const moore = await t.store.findRepByEmail('moore.liu@example.com');
    // On duty Mondays 09:00-17:00 in Shanghai (01:00-09:00 UTC); the app's clock is Sunday
    // 2026-11-29 08:00 UTC: back on Monday 01:00 UTC.
    await t.store.updateRepProfile(moore!.id, {
      hours: { timezone: 'Asia/Shanghai', days: { mon: [['09:00', '17:00']] } },
    });
    const rep = async (query: string) =>
      ((await (await t.app.request(`${CONFIG}${query}`)).json()) as WidgetConfig).rep;
    expect(await rep('?tzo=-60&ui=de')).toMatchObject({
      available: false,
      nextAvailableAt: '2026-11-30T01:00:00.000Z',
      back: 'Montag, 02:00',
    });
    expect((await rep('?tzo=300'))?.back).toBe('Sunday 8:00 PM');
    // A language tag Intl cannot read is English (not a 500).
    for (const ui of ['en_US', 'x', ''])
      expect((await rep(`?tzo=300&ui=${ui}`))?.back, ui).toBe('Sunday 8:00 PM');
    // Without the offset there is nothing to write it in.
    expect((await rep(''))?.back).toBeNull();
    expect((await t.app.request(`${CONFIG}?tzo=soon`)).status).toBe(400);
  });

  it('names no return time for a rep on duty but at their cap', async () => {
    const moore = await t.store.findRepByEmail('moore.liu@example.com');
    // On duty all Sunday (the app's clock: Sunday 08:00 UTC), and one open inquiry at most.
    await t.store.updateRepProfile(moore!.id, {
      hours: { timezone: 'UTC', days: { sun: [['00:00', '23:59']] } },
      maxOpen: 1,
    });
    await sendInquiry(t);
    const res = await t.app.request(`${CONFIG}?tzo=0`);
    expect(((await res.json()) as WidgetConfig).rep).toMatchObject({
      available: false,
      nextAvailableAt: null,
      back: null,
    });
  });

  it("carries the texts of the widget's language, so a page view makes two requests", async () => {
    const german = (await (await t.app.request(`${CONFIG}?ui=de-AT`)).json()) as WidgetConfig;
    expect(german.texts?.card).toMatchObject({ contactNow: PACKS.de.card.contactNow });
    expect(german.texts?.form).toMatchObject({ send: PACKS.de.form.send });
    // A page view's answer: the card's texts alone; the form's come as the form module loads.
    const card = (await (await t.app.request(`${CONFIG}?ui=de&texts=card`)).json()) as WidgetConfig;
    expect(card.texts).toEqual({ card: PACKS.de.card, form: {} });
    const form = (await (await t.app.request(`${CONFIG}?ui=de&texts=form`)).json()) as WidgetConfig;
    expect(form.texts).toEqual({ card: {}, form: PACKS.de.form });
    expect((await t.app.request(`${CONFIG}?ui=de&texts=all`)).status).toBe(400);
    // This release's loader asks for lists, in the order of the stage's keys.
    const list = (await (
      await t.app.request(`${CONFIG}?ui=de&texts=form-list`)
    ).json()) as WidgetConfig;
    expect(list.texts).toEqual({ card: [], form: FORM_TEXT_KEYS.map((key) => PACKS.de.form[key]) });
    // English too: the form module carries no texts of its own.
    const english = (await (await t.app.request(`${CONFIG}?ui=en`)).json()) as WidgetConfig;
    expect(english.texts).toEqual(ENGLISH);
    // A language without a pack gets English, never an error.
    const unknown = await t.app.request(`${CONFIG}?ui=xx`);
    expect(unknown.status).toBe(200);
    expect(((await unknown.json()) as WidgetConfig).texts).toEqual(ENGLISH);
  });

  it("carries the site's theme colour as accent colours that keep their contrast", async () => {
    const site = await t.store.findSiteByKey('demo');
    await t.store.updateSite(site?.id ?? '', { themeColor: '#ffd700' });
    const config = (await (await t.app.request(CONFIG)).json()) as WidgetConfig;
    expect(config.site).toMatchObject({
      themeColor: '#ffd700',
      theme: { '--accent': '#ffd700', '--on-accent': '#111827' },
    });
  });

  it('answers an unknown site with SITE_NOT_FOUND', async () => {
    const res = await t.app.request('/api/v1/sites/nope/widget-config');
    expect(res.status).toBe(404);
    expect(((await res.json()) as ErrorBody).error.code).toBe('SITE_NOT_FOUND');
  });
});
