import { randomBytes } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { inquiryBody } from '../support/inquiry-body';
import { expect, MOORE, type Liaison } from './fixtures';

// Helpers for the inbox-ui-*.spec.ts files: the reps' inbox app (inbox/) in Chromium against the
// real server. Every test makes its own inquiries with a unique word in them, since the server
// (and its data) lives for the worker.

/** A fresh word FTS5 indexes as one token: letters and digits only. */
export const uniqueWord = (prefix: string) => `${prefix}${randomBytes(4).toString('hex')}`;

export interface Visitor {
  name: string;
  email: string;
  company: string;
  message?: string;
}

/** Files an inquiry through the public API, as the widget would; returns its id. */
export async function createInquiry(liaison: Liaison, visitor: Visitor): Promise<string> {
  return (await fileInquiry(liaison, visitor)).id;
}

/** Files an inquiry; returns its id and the visitor's conversation token. */
export async function fileInquiry(
  liaison: Liaison,
  visitor: Visitor,
): Promise<{ id: string; token: string }> {
  const res = await fetch(`${liaison.server.url}/api/v1/sites/demo/inquiries`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      inquiryBody({
        name: visitor.name,
        email: visitor.email,
        company: visitor.company,
        ...(visitor.message !== undefined && { message: visitor.message }),
      }),
    ),
  });
  const body: unknown = await res.json();
  if (res.status !== 201 || typeof body !== 'object' || body === null) {
    throw new Error(`inquiry not created: ${res.status} ${JSON.stringify(body)}`);
  }
  if (!('id' in body) || !('token' in body)) throw new Error('201 without id and token');
  return { id: String(body.id), token: String(body.token) };
}

/** The visitor writes again in their conversation. */
export async function visitorFollowUp(
  liaison: Liaison,
  token: string,
  text: string,
): Promise<void> {
  const res = await fetch(`${liaison.server.url}/api/v1/conversations/${token}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ body: text }),
  });
  if (res.status !== 201) throw new Error(`follow-up refused: ${res.status} ${await res.text()}`);
}

/** Signs in as Mr. Moore Liu through the inbox's sign-in page and waits for the list. */
export async function signIn(page: Page, liaison: Liaison) {
  await page.goto(`${liaison.server.url}/inbox`);
  await expect(page).toHaveURL(/\/inbox\/sign-in$/);
  await page.getByLabel('Email').fill(MOORE.email);
  await page.getByLabel('Password').fill(MOORE.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Inquiries' })).toBeVisible();
}

/** The list's row (a link) that mentions `text`. */
export const rowOf = (page: Page, text: string) =>
  page.getByRole('region', { name: 'Inquiries' }).getByRole('link').filter({ hasText: text });

export async function expectNoAxeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations).toEqual([]);
}
