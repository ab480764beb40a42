import AxeBuilder from '@axe-core/playwright';
import { BASKET_MAX } from '../../contract/limits';
import { expect, repMailAbout, test } from './fixtures';

const BASKET_KEY = 'liaison:demo:basket';

test('products added on one page are asked about together from another, each with its quantity', async ({
  page,
  liaison,
}) => {
  await page.goto(liaison.server.url + '/');
  const ball = page.locator('.product', { hasText: 'Stainless Steel Ball Valve' });
  const gate = page.locator('.product', { hasText: 'Cast Iron Gate Valve' });
  await ball.getByRole('button', { name: 'Add to inquiry' }).click();
  const basket = page.getByRole('button', { name: 'Inquiry basket (1)' });
  await expect(basket).toBeVisible();
  await gate.getByRole('button', { name: 'Add to inquiry' }).click();
  await ball.getByRole('button', { name: 'Add to inquiry' }).click(); // already in: once
  await expect(page.getByRole('button', { name: 'Inquiry basket (2)' })).toBeVisible();
  // A screen reader hears what the page's buttons added, and nothing for the one already in.
  await expect(page.getByRole('status').filter({ hasText: 'inquiry basket' })).toHaveText(
    'Added to your inquiry basket: Cast Iron Gate Valve',
  );
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Another page of the site: the basket is still there, and opens the form with it; closed,
  // the form gives the focus back to it.
  await page.goto(liaison.server.url + '/demo/contact.html');
  const kept = page.getByRole('button', { name: 'Inquiry basket (2)' });
  await kept.click();
  const form = page.getByRole('dialog', { name: 'Send an inquiry to Mr. Moore Liu' });
  await expect(form).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
  await expect(kept).toBeFocused();
  await kept.press('Enter');
  const products = form.getByRole('group', { name: 'Products' });
  const lines = products.getByRole('listitem');
  await expect(lines).toHaveCount(2);
  await expect(lines.nth(0)).toContainText('Stainless Steel Ball Valve');
  await lines.nth(0).getByLabel('Quantity').fill('200');
  await lines.nth(1).getByLabel('Quantity').fill('3');
  await lines.nth(1).getByLabel('Unit').selectOption('sets');
  await form.getByLabel('Email').fill('basket@buyer.example');
  await form.getByLabel('Message').fill('Please quote both items, delivered to Jebel Ali.');
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations).toEqual([]);
  await form.getByRole('button', { name: 'Send inquiry' }).click();
  await expect(form.getByText('Your inquiry has been sent to Mr. Moore Liu')).toBeVisible();

  const mail = await repMailAbout(liaison, 'basket@buyer.example');
  expect(mail.subject).toContain('Stainless Steel Ball Valve and 1 more');
  expect(mail.text).toContain('Stainless Steel Ball Valve · SKU HD-BV-316-DN50 · 200 pieces');
  expect(mail.text).toContain('Cast Iron Gate Valve · SKU HD-GV-CI-DN100 · 3 sets');
  // Sent: the basket is empty and nothing of it stays in the browser.
  await form.getByRole('button', { name: 'Close' }).first().click();
  await expect(page.getByRole('button', { name: /Inquiry basket/ })).toHaveCount(0);
  expect(await page.evaluate((key) => localStorage.getItem(key), BASKET_KEY)).toBeNull();
});

test('a product removed from the basket is not sent, and focus stays in the form', async ({
  page,
  liaison,
}) => {
  await page.goto(liaison.server.url + '/');
  for (const name of ['Stainless Steel Ball Valve', 'Cast Iron Gate Valve']) {
    await page
      .locator('.product', { hasText: name })
      .getByRole('button', { name: 'Add to inquiry' })
      .click();
  }
  await page.getByRole('button', { name: 'Inquiry basket (2)' }).click();
  const form = page.getByRole('dialog');
  const lines = form.getByRole('listitem');
  await lines.nth(0).getByRole('button', { name: 'Remove product' }).click();
  await expect(lines).toHaveCount(1);
  await expect(lines.nth(0).getByRole('button', { name: 'Remove product' })).toBeFocused();
  await lines.nth(0).getByRole('button', { name: 'Remove product' }).click();
  await expect(form.getByLabel('Quantity')).toBeFocused();
  // Emptied by the visitor: nothing kept.
  expect(await page.evaluate((key) => localStorage.getItem(key), BASKET_KEY)).toBeNull();
});

test('products added in two tabs of the site are all kept', async ({ page, liaison }) => {
  const other = await page.context().newPage();
  const add = (tab: typeof page, name: string) =>
    tab
      .locator('.product', { hasText: name })
      .getByRole('button', { name: 'Add to inquiry' })
      .click();
  await page.goto(liaison.server.url + '/');
  await other.goto(liaison.server.url + '/');
  await add(page, 'Stainless Steel Ball Valve');
  await expect(page.getByRole('button', { name: 'Inquiry basket (1)' })).toBeVisible();
  await add(other, 'Cast Iron Gate Valve');
  await expect(other.getByRole('button', { name: 'Inquiry basket (2)' })).toBeVisible();
  // The first tab heard of the second's product: its next one joins both.
  await expect(page.getByRole('button', { name: 'Inquiry basket (2)' })).toBeVisible();
  await add(page, 'Butterfly Valve');
  await expect(page.getByRole('button', { name: 'Inquiry basket (3)' })).toBeVisible();
  await expect(other.getByRole('button', { name: 'Inquiry basket (3)' })).toBeVisible();
  await other.close();
});

test('a full basket says so, to everyone, when the page adds one more', async ({
  page,
  liaison,
}) => {
  await page.addInitScript(
    ([key, max]) => {
      const lines = Array.from({ length: max }, (_, i) => ({
        product: { name: `Flange ${i + 1}` },
        quantity: '',
        unit: 'pieces',
      }));
      if (localStorage.getItem(key) === null) localStorage.setItem(key, JSON.stringify(lines));
    },
    [BASKET_KEY, BASKET_MAX] as const,
  );
  await page.goto(liaison.server.url + '/');
  const basket = page.getByRole('button', { name: `Inquiry basket (${BASKET_MAX})` });
  await expect(basket).toBeVisible();
  await page
    .locator('.product', { hasText: 'Stainless Steel Ball Valve' })
    .getByRole('button', { name: 'Add to inquiry' })
    .click();
  const full = `Your inquiry basket is full: one inquiry can hold up to ${BASKET_MAX} products.`;
  const note = page.getByRole('status').filter({ hasText: full });
  await expect(note).toBeVisible();
  await expect(basket).toBeVisible();
  // One more: the same words again, in a new node, which a screen reader says again (the same
  // text set again is no change it would hear).
  const said = await note.evaluateHandle((el) => el.firstChild);
  await page
    .locator('.product', { hasText: 'Cast Iron Gate Valve' })
    .getByRole('button', { name: 'Add to inquiry' })
    .click();
  await expect.poll(() => note.evaluate((el, then) => el.firstChild !== then, said)).toBe(true);
  await expect(note).toHaveText(full);
  // In the widget's own type, above the button and clear of it.
  expect(await note.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/^system-ui/);
  const [noteBox, buttonBox] = [await note.boundingBox(), await basket.boundingBox()];
  expect(noteBox && buttonBox && noteBox.y + noteBox.height <= buttonBox.y).toBe(true);
  expect(await new AxeBuilder({ page }).analyze()).toMatchObject({ violations: [] });
  // Another tab takes products out: the basket is no longer full, nor said to be on screen.
  const other = await page.context().newPage();
  await other.goto(liaison.server.url + '/');
  await other.evaluate(
    ([key, kept]) => {
      const lines: unknown[] = JSON.parse(localStorage.getItem(key) ?? '[]');
      localStorage.setItem(key, JSON.stringify(lines.slice(0, kept)));
    },
    [BASKET_KEY, BASKET_MAX - 2] as const,
  );
  await other.close();
  const smaller = page.getByRole('button', { name: `Inquiry basket (${BASKET_MAX - 2})` });
  await expect(smaller).toBeVisible();
  await expect(note).not.toHaveClass(/basket-note/);
  // Full again, from this page: said, and shown.
  await page
    .locator('.product', { hasText: 'Wafer Butterfly Valve' })
    .getByRole('button', { name: 'Add to inquiry' })
    .click();
  await page
    .locator('.product', { hasText: 'End-Suction Centrifugal Pump' })
    .getByRole('button', { name: 'Add to inquiry' })
    .click();
  await page
    .locator('.product', { hasText: 'Forged Steel Pipe Fittings' })
    .getByRole('button', { name: 'Add to inquiry' })
    .click();
  await expect(note).toHaveClass(/basket-note/);
  // Opening the basket is the answer to it: the note goes.
  await basket.click();
  await page.keyboard.press('Escape');
  await expect(basket).toBeFocused();
  await expect(note).toHaveCount(0);
});
