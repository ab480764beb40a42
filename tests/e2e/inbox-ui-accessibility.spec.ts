import { expect, test } from './fixtures';
import { createInquiry, expectNoAxeViolations, rowOf, signIn, uniqueWord } from './inbox-fixtures';

// The inbox for everyone: the keyboard alone, a phone's width, and axe-core at two widths.

test('the keyboard alone reaches and opens an inquiry', async ({ page, liaison }) => {
  const name = uniqueWord('Keys');
  const id = await createInquiry(liaison, { name, email: `${name}@k.example`, company: 'Keys' });
  await signIn(page, liaison);
  await page.reload();
  await expect(rowOf(page, name)).toBeVisible();

  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  const row = rowOf(page, name);
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await row.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(row).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/inbox/inquiries/${id}$`));
  await expect(page.getByRole('heading', { name, level: 2 })).toBeFocused();
  await expect(row).toHaveAttribute('aria-current', 'page');
});

test('on a phone the list and an inquiry are separate screens', async ({ page, liaison }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const name = uniqueWord('Phone');
  await createInquiry(liaison, { name, email: `${name}@p.example`, company: 'Phone Co' });
  await signIn(page, liaison);
  await rowOf(page, name).click();
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Inquiries' })).toBeHidden();
  await page.getByRole('link', { name: 'Back to inbox' }).click();
  await expect(page.getByRole('heading', { name: 'Inquiries' })).toBeVisible();
  await expect(page.getByRole('heading', { name, level: 2 })).toHaveCount(0);
});

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`axe-core finds no violations on sign-in, list and inquiry at ${viewport.width}px`, async ({
    page,
    liaison,
  }) => {
    await page.setViewportSize(viewport);
    const name = uniqueWord('Axe');
    await createInquiry(liaison, { name, email: `${name}@axe.example`, company: 'Axe AG' });

    await page.goto(`${liaison.server.url}/inbox/sign-in`);
    await expect(page.getByRole('heading', { name: 'Sign in to your inbox' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);

    await signIn(page, liaison);
    await expect(rowOf(page, name)).toBeVisible();
    await expectNoAxeViolations(page);

    await rowOf(page, name).click();
    await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Details' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
}
