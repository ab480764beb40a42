import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { WidgetConfig } from '../../contract';
import { themeVars } from '../../server/domain/theme';
import { expect, test } from './fixtures';

/**
 * The site's theme colour, as the config answer carries it when an admin sets it (the server's
 * own themeVars; the demo site is shared by the worker's tests, so it is not changed).
 */
async function withThemeColor(page: Page, color: string) {
  await page.route('**/api/v1/sites/demo/widget-config*', async (route) => {
    const response = await route.fetch();
    const config = (await response.json()) as WidgetConfig;
    config.site.themeColor = color;
    config.site.theme = themeVars(color);
    await route.fulfill({ response, json: config });
  });
}

for (const color of ['#ffd700', '#777777', '#0f766e']) {
  test(`with the theme colour ${color}, the card and the form take it and keep their contrast`, async ({
    page,
    liaison,
  }) => {
    await withThemeColor(page, color);
    await page.goto(liaison.server.url + '/');
    const contact = page.locator('section.card').getByRole('button', { name: 'Contact Now' });
    await expect(page.locator('section.card').getByText('Mr. Moore Liu')).toBeVisible();
    // The card's main button is filled with the theme colour (or, for a middle tone no text
    // reads on, a darker shade of it).
    const fill = await contact.evaluate((el) => getComputedStyle(el).backgroundColor);
    if (color !== '#777777') {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
      expect(fill).toBe(`rgb(${r}, ${g}, ${b})`);
    }
    const onCard = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
    expect(onCard.violations).toEqual([]);

    await contact.click();
    const form = page.getByRole('dialog', { name: 'Send an inquiry to Mr. Moore Liu' });
    await expect(form).toBeVisible();
    await form.getByRole('button', { name: 'Send inquiry' }).click();
    await expect(form.getByText('Please enter a valid email address.')).toBeVisible();
    const onForm = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
    expect(onForm.violations).toEqual([]);
    const send = form.getByRole('button', { name: 'Send inquiry' });
    expect(await send.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(fill);
  });
}
