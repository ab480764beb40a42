import type { Page } from '@playwright/test';
import { expect, repMailAbout, test } from './fixtures';

/** The focused element, through open shadow roots: its id and text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return {
      id: active?.id ?? '',
      text: (active?.textContent ?? '').trim(),
      tag: active?.tagName ?? '',
    };
  });

/** Presses Tab until `wanted` holds for the focused element; fails after `max` presses. */
async function tabTo(
  page: Page,
  wanted: (el: { id: string; text: string; tag: string }) => boolean,
  max = 40,
) {
  for (let i = 0; i < max; i++) {
    if (wanted(await focused(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached the element; last: ${JSON.stringify(await focused(page))}`);
}

test('with the keyboard alone, a visitor sends an inquiry from the card and gets back to the page', async ({
  page,
  liaison,
}) => {
  await page.goto(liaison.server.url + '/');
  await expect(page.getByText('Mr. Moore Liu')).toBeVisible();
  await tabTo(page, (el) => el.tag === 'BUTTON' && el.text === 'Leave a message');
  await page.keyboard.press('Enter');
  const form = page.getByRole('dialog', { name: 'Send an inquiry to Mr. Moore Liu' });
  await expect(form).toBeVisible();
  // Focus starts in the first field.
  expect((await focused(page)).id).toBe('f-name');
  await page.keyboard.type('Keyboard Buyer');
  await page.keyboard.press('Tab');
  expect((await focused(page)).id).toBe('f-email');
  await page.keyboard.type('keyboard@buyer.example');
  await tabTo(page, (el) => el.id === 'f-quantity');
  await page.keyboard.type('40');
  await tabTo(page, (el) => el.id === 'f-message');
  await page.keyboard.type(
    'Please quote 40 flanged gate valves, DN100, PN16, delivered to Gdansk.',
  );
  await tabTo(page, (el) => el.tag === 'BUTTON' && el.text === 'Send inquiry');
  await page.keyboard.press('Enter');
  await expect(form.getByText('Your inquiry has been sent to Mr. Moore Liu')).toBeVisible();
  const mail = await repMailAbout(liaison, 'keyboard@buyer.example');
  expect(mail.text).toContain('Quantity: 40 pieces');

  // Escape closes the dialog and focus returns to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
  expect(await focused(page)).toMatchObject({ tag: 'BUTTON', text: 'Leave a message' });
});

test('with the keyboard alone, focus reaches nothing on the page behind the open dialog', async ({
  page,
  liaison,
}) => {
  await page.goto(liaison.server.url + '/');
  await tabTo(page, (el) => el.tag === 'BUTTON' && el.text === 'Leave a message');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  const where = new Set<string>();
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    where.add(
      await page.evaluate(() => {
        let active = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        // The modal dialog makes the page inert: Tab cycles through the dialog and, past its
        // end, the browser's own controls (then nothing in the document has focus).
        if (!active || active === document.body) return 'browser';
        return active.closest('dialog')
          ? 'dialog'
          : `page: ${active.tagName} ${active.textContent}`;
      }),
    );
  }
  expect([...where].filter((w) => w.startsWith('page'))).toEqual([]);
  expect(where).toContain('dialog');
});
