import { expect, repMailAbout, test } from './fixtures';

test('a page view loads the loader and the config only; the form loads on intent', async ({
  page,
  liaison,
}) => {
  const requested: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (
      url.pathname === '/widget.js' ||
      url.pathname.startsWith('/api/') ||
      url.pathname === '/widget-form.js'
    ) {
      requested.push(url.pathname);
    }
  });
  await page.goto(liaison.server.url + '/');
  await expect(page.getByText('Mr. Moore Liu')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(requested).toEqual(['/widget.js', '/api/v1/sites/demo/widget-config']);

  await page.getByRole('button', { name: 'Leave a message' }).hover();
  await expect.poll(() => requested).toContain('/widget-form.js');
  await page.getByRole('button', { name: 'Leave a message' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(requested.filter((p) => p === '/widget-form.js')).toHaveLength(1);
});

test('a page without a card gets the launcher, which sends an inquiry', async ({
  page,
  liaison,
}) => {
  await page.goto(liaison.server.url + '/demo/contact.html');
  const launcher = page.getByRole('button', { name: 'Contact us' });
  await expect(launcher).toBeVisible();
  await launcher.click();
  const form = page.getByRole('dialog', { name: 'Send an inquiry to Mr. Moore Liu' });
  await form.getByLabel('Email').fill('launcher@buyer.example');
  await form
    .getByLabel('Message')
    .fill('Do you supply flanged gate valves in PN16 for water works?');
  await form.getByRole('button', { name: 'Send inquiry' }).click();
  await expect(form.getByText('Your inquiry has been sent to Mr. Moore Liu')).toBeVisible();
  const mail = await repMailAbout(liaison, 'launcher@buyer.example');
  expect(mail.text).toContain(`Page: ${liaison.server.url}/demo/contact.html`);
});

test('the widget adds only window.liaison and leaves the page its own', async ({
  page,
  liaison,
}) => {
  // Recorded before any script of the page runs; the demo page defines no globals itself.
  await page.addInitScript(() => {
    Reflect.set(window, '__keysBeforeWidget', Object.keys(window));
  });
  await page.goto(liaison.server.url + '/');
  await expect(page.getByText('Mr. Moore Liu')).toBeVisible();
  await page.getByRole('button', { name: 'Leave a message' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  const added = await page.evaluate(() => {
    const before = Reflect.get(window, '__keysBeforeWidget') as string[];
    return Object.keys(window).filter((k) => !before.includes(k) && k !== '__keysBeforeWidget');
  });
  expect(added).toEqual(['liaison']);
});

test('the script included twice renders one card and one dialog', async ({ page, liaison }) => {
  await page.goto(liaison.server.url + '/');
  await expect(page.getByText('Mr. Moore Liu')).toBeVisible();
  await page.evaluate((src) => {
    const again = document.createElement('script');
    again.src = src;
    again.dataset.site = 'demo';
    document.body.append(again);
  }, liaison.server.url + '/widget.js');
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('button', { name: 'Leave a message' })).toHaveCount(1);
  await page.evaluate(() =>
    (window as unknown as { liaison: (c: string) => void }).liaison('open'),
  );
  await expect(page.getByRole('dialog')).toHaveCount(1);
});

test('when the form cannot load, the visitor is told so, and the next click loads it', async ({
  page,
  liaison,
}) => {
  await page.route('**/widget-form.js*', (route) => route.abort('internetdisconnected'));
  await page.goto(liaison.server.url + '/');
  const leave = page.getByRole('button', { name: 'Leave a message' });
  await leave.click();
  const notice = page.getByRole('alert');
  await expect(notice).toHaveText(
    'The form could not be loaded. Please check your connection and try again.',
  );
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.unroute('**/widget-form.js*');
  await leave.click();
  await expect(
    page.getByRole('dialog', { name: 'Send an inquiry to Mr. Moore Liu' }),
  ).toBeVisible();
});

test('without config answers the card still works; the form waits for its texts, saying so', async ({
  page,
  liaison,
}) => {
  const CONFIG = '**/api/v1/sites/demo/widget-config*';
  await page.route(CONFIG, (route) => route.abort('internetdisconnected'));
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(liaison.server.url + '/');
  const leave = page.getByRole('button', { name: 'Leave a message' });
  await leave.click();
  await expect(page.getByRole('alert')).toHaveText(
    'The form could not be loaded. Please check your connection and try again.',
  );
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(errors.some((text) => text.includes('form texts: NETWORK'))).toBe(true);

  await page.unroute(CONFIG);
  await leave.click();
  // The answer that came with the texts names the rep the card could not show.
  await expect(
    page.getByRole('dialog', { name: 'Send an inquiry to Mr. Moore Liu' }),
  ).toBeVisible();
});

// The seam's rule (widget/form-api.ts): a page that kept a loader of the release before this one
// across a deploy gets this release's form module, which must still mount for it.
test('the form module still mounts for a loader of an older release: texts by key, or none', async ({
  page,
  liaison,
}) => {
  await page.goto(liaison.server.url + '/demo/contact.html');
  await expect(page.getByRole('button', { name: 'Contact us' })).toBeVisible();
  // What such a loader hands over, the way it did (its API client only loads the config).
  const mountAsOlderLoader = (lang: 'de' | 'en') =>
    page.evaluate(
      async ({ origin, lang }) => {
        const config = (query: string) =>
          fetch(`${origin}/api/v1/sites/demo/widget-config?${query}`)
            .then((res) => res.json())
            .then((body: { texts: { form: Record<string, string> } | null }) => ({
              ok: true,
              config: body,
            }));
        const module = await import(`${origin}/widget-form.js?v=older`);
        // The loader before this release asked for the form's texts by key (`texts=form`); one
        // older still brought none, in English, and the form asks for them itself.
        const answer = lang === 'de' ? await config('ui=de&texts=form') : null;
        const form = module.mountForm({
          api: { loadConfig: () => config(`ui=${lang}`) },
          settings: { site: 'demo', apiOrigin: origin },
          config: Promise.resolve(answer?.config ?? null),
          mount: (tag: string) => {
            const host = document.createElement(tag);
            document.body.append(host);
            return host.attachShadow({ mode: 'open' });
          },
          ...(answer && {
            language: { lang, dir: 'ltr' },
            texts: answer.config.texts?.form,
            cardTexts: {},
          }),
        });
        await form.open();
      },
      { origin: liaison.server.url, lang },
    );
  await mountAsOlderLoader('de');
  await expect(page.getByRole('dialog', { name: 'Anfrage an Mr. Moore Liu senden' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await mountAsOlderLoader('en');
  await expect(
    page.getByRole('dialog', { name: 'Send an inquiry to Mr. Moore Liu' }),
  ).toBeVisible();
});
