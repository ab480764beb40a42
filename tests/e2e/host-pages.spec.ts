// The widget on pages that are hard to live on: hostile CSS, patched built-ins, a strict CSP,
// the embed twice, a tag manager, a right-to-left page, the queue stub; then a phone, reduced
// motion and target sizes. The pages are demo/test-pages/*.html.
import type { Locator, Page } from '@playwright/test';
import { fill } from '../../widget/i18n/locale';
import { en as cardEn, type CardTexts } from '../../widget/i18n/en';
import * as ar from '../../widget/i18n/packs/ar';
import { en as formEn, type FormTexts } from '../../widget/form/i18n/en';
import { expect, repMailAbout, test, type Liaison } from './fixtures';
import { fieldsOf, smallTargets, stylesOf } from './layout-checks';

const MOORE = 'Mr. Moore Liu';
const BALL_VALVE = { name: 'Ball Valve', sku: 'BV-1' };

interface HostPage {
  file: string;
  card: CardTexts;
  form: FormTexts;
  /**
   * How the visitor reaches the form: the page's Contact Now button, the card (the hostile page
   * hides its own buttons with `button { display: none !important }`), or by itself (the queue
   * stub called `liaison('open')`).
   */
  opener: 'product' | 'card' | 'itself';
  /** The product the form should show attached, if any. */
  product?: { name: string; sku: string };
}

const english = { card: cardEn, form: formEn };
const PAGES: HostPage[] = [
  { file: 'hostile-css.html', ...english, opener: 'card' },
  { file: 'patched-builtins.html', ...english, opener: 'product', product: BALL_VALVE },
  {
    file: 'polluted-prototype.html',
    ...english,
    opener: 'product',
    product: BALL_VALVE,
  },
  { file: 'strict-csp.html', ...english, opener: 'product', product: BALL_VALVE },
  { file: 'twice.html', ...english, opener: 'product', product: BALL_VALVE },
  { file: 'tag-manager.html', ...english, opener: 'product', product: BALL_VALVE },
  { file: 'rtl.html', card: ar.card, form: ar.form, opener: 'product', product: BALL_VALVE },
  {
    file: 'queue-stub.html',
    ...english,
    opener: 'itself',
    product: { name: 'Gate Valve', sku: 'GV-2' },
  },
];

const pageUrl = (liaison: Liaison, file: string) => `${liaison.server.url}/demo/test-pages/${file}`;

async function openForm(page: Page, card: Locator, host: HostPage): Promise<void> {
  if (host.opener === 'product') await page.locator('#product-button').click();
  if (host.opener === 'card')
    await card.getByRole('button', { name: host.card.contactNow }).click();
}

for (const host of PAGES) {
  test(`${host.file}: the card shows the rep and an inquiry reaches them`, async ({
    page,
    liaison,
  }) => {
    const url = pageUrl(liaison, host.file);
    await page.goto(url);
    const card = page.locator('section.card');
    await expect(card.getByText(MOORE)).toBeVisible();
    await expect(card).toHaveCount(1);
    for (const name of [host.card.leaveMessage, host.card.contactNow]) {
      await expect(card.getByRole('button', { name })).toBeVisible();
    }
    expect(await smallTargets(card)).toEqual([]);

    await openForm(page, card, host);
    const dialog = page.getByRole('dialog', { name: fill(host.form.formTitle, { name: MOORE }) });
    await expect(dialog).toBeVisible();
    if (host.product) {
      await expect(dialog.locator('.chip-name')).toHaveText(host.product.name);
      await expect(dialog.getByText(fill(host.form.sku, { sku: host.product.sku }))).toBeVisible();
    }
    expect(await smallTargets(dialog)).toEqual([]);

    const email = `${host.file.replace('.html', '')}@buyer.example`;
    await dialog.getByRole('textbox', { name: host.form.email, exact: true }).fill(email);
    await dialog
      .getByRole('textbox', { name: host.form.message, exact: true })
      .fill('Please quote 200 pieces with delivery to Rotterdam, and the lead time.');
    await dialog.getByRole('button', { name: host.form.send }).click();
    await expect(dialog.getByText(fill(host.form.sentTitle, { name: MOORE }))).toBeVisible();
    const mail = await repMailAbout(liaison, email);
    expect(mail.text).toContain(`Page: ${url}`);
    if (host.product) {
      expect(mail.text).toContain(`Product: ${host.product.name} · SKU ${host.product.sku}`);
    }
  });
}

test('patched-builtins.html: the inquiry is the right JSON and goes through the page fetch', async ({
  page,
  liaison,
}) => {
  const bodies: string[] = [];
  await page.route('**/api/v1/sites/demo/inquiries', async (route) => {
    bodies.push(route.request().postData() ?? '');
    await route.continue();
  });
  const url = pageUrl(liaison, 'patched-builtins.html');
  await page.goto(url);
  await expect(page.locator('section.card').getByText(MOORE)).toBeVisible();
  await page.locator('#product-button').click();
  const dialog = page.getByRole('dialog', { name: fill(formEn.formTitle, { name: MOORE }) });
  await dialog.getByRole('textbox', { name: formEn.name, exact: true }).fill('Patched Page');
  await dialog
    .getByRole('textbox', { name: formEn.email, exact: true })
    .fill('patched-json@buyer.example');
  await dialog.getByRole('textbox', { name: formEn.quantity, exact: true }).fill('50');
  const message = 'Please quote 50 ball valves DN25, PN40, stainless steel body and trim.';
  await dialog.getByRole('textbox', { name: formEn.message, exact: true }).fill(message);
  await dialog.getByRole('button', { name: formEn.send }).click();
  await expect(dialog.getByText(fill(formEn.sentTitle, { name: MOORE }))).toBeVisible();

  expect(bodies).toHaveLength(1);
  const sent: unknown = JSON.parse(bodies[0] ?? '');
  expect(sent).toMatchObject({
    name: 'Patched Page',
    email: 'patched-json@buyer.example',
    message,
    products: [{ ...BALL_VALVE, quantity: 50, unit: 'pieces' }],
    page: { url },
  });
  // The patched toJSON did not change the body.
  expect(bodies[0]).not.toContain('"patched"');
  const calls = await page.evaluate(() => Reflect.get(window, 'fetchWrapperCalls') as string[]);
  expect(calls).toContain(`${liaison.server.url}/api/v1/sites/demo/inquiries`);
  await repMailAbout(liaison, 'patched-json@buyer.example');
});

test('strict-csp.html: no violation, and the widget is styled all the same', async ({
  page,
  liaison,
}) => {
  // Init scripts run outside the page's CSP; the listener sees every violation from the start.
  await page.addInitScript(() => {
    const seen: string[] = [];
    Reflect.set(window, '__cspViolations', seen);
    document.addEventListener(
      'securitypolicyviolation',
      (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
      true,
    );
  });
  const consoleCsp: string[] = [];
  page.on('console', (msg) => {
    if (msg.text().includes('Content Security Policy')) consoleCsp.push(msg.text());
  });
  await page.goto(pageUrl(liaison, 'strict-csp.html'));
  const card = page.locator('section.card');
  await expect(card.getByText(MOORE)).toBeVisible();
  expect(
    await stylesOf(card, ['border-top-left-radius', 'background-color', 'border-top-width']),
  ).toEqual({
    'border-top-left-radius': '10px',
    'background-color': 'rgb(255, 255, 255)',
    'border-top-width': '1px',
  });
  expect(
    await stylesOf(card.getByRole('button', { name: cardEn.contactNow }), ['background-color']),
  ).toEqual({ 'background-color': 'rgb(11, 99, 197)' });

  await page.locator('#product-button').click();
  const dialog = page.getByRole('dialog', { name: fill(formEn.formTitle, { name: MOORE }) });
  await expect(dialog).toBeVisible();
  expect(await stylesOf(dialog, ['border-top-left-radius'])).toEqual({
    'border-top-left-radius': '12px',
  });
  expect(
    await stylesOf(dialog.getByRole('textbox', { name: formEn.email, exact: true }), [
      'font-size',
      'border-top-left-radius',
    ]),
  ).toEqual({ 'font-size': '16px', 'border-top-left-radius': '8px' });
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate(() => Reflect.get(window, '__cspViolations'))).toEqual([]);
  expect(consoleCsp).toEqual([]);
});

test('twice.html: one card, one dialog, one config request', async ({ page, liaison }) => {
  const configs: string[] = [];
  page.on('request', (req) => {
    if (new URL(req.url()).pathname.endsWith('/widget-config')) configs.push(req.url());
  });
  await page.goto(pageUrl(liaison, 'twice.html'));
  await expect(page.locator('section.card').getByText(MOORE)).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(page.locator('section.card')).toHaveCount(1);
  await expect(page.locator('liaison-launcher')).toHaveCount(0);
  expect(configs).toHaveLength(1);

  await page.locator('#product-button').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(1);
  await expect(page.locator('liaison-dialog')).toHaveCount(1);
});

test('rtl.html: an Arabic page gets the Arabic widget, right to left', async ({
  page,
  liaison,
}) => {
  await page.goto(pageUrl(liaison, 'rtl.html'));
  const card = page.locator('section.card');
  await expect(card.getByRole('heading', { name: ar.card.cardHeading })).toBeVisible();
  await expect(card).toHaveAttribute('lang', 'ar');
  await expect(card).toHaveAttribute('dir', 'rtl');
  await page.locator('#product-button').click();
  const dialog = page.getByRole('dialog', { name: fill(ar.form.formTitle, { name: MOORE }) });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('lang', 'ar');
  await expect(dialog).toHaveAttribute('dir', 'rtl');
  // Nothing in it (the honeypot, kept out of sight) widens it: it does not scroll sideways.
  const { scrollWidth, clientWidth } = await dialog.evaluate((el) => ({
    scrollWidth: el.scrollWidth,
    clientWidth: el.clientWidth,
  }));
  expect(scrollWidth).toBe(clientWidth);
  // The page's own direction is the page's.
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
});

test('queue-stub.html: the call queued before the script opens the form with its product', async ({
  page,
  liaison,
}) => {
  await page.goto(pageUrl(liaison, 'queue-stub.html'));
  const dialog = page.getByRole('dialog', { name: fill(formEn.formTitle, { name: MOORE }) });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('.chip-name')).toHaveText('Gate Valve');
  await expect(dialog.getByText(fill(formEn.sku, { sku: 'GV-2' }))).toBeVisible();
  // The stub was replaced by the widget's own function.
  const loaded = await page.evaluate(() => {
    const liaison: unknown = Reflect.get(window, 'liaison');
    return typeof liaison === 'function' && Reflect.get(liaison, 'loaded') === true;
  });
  expect(loaded).toBe(true);
});
