import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InquiryCreated } from '../../contract';
import { migrateTo, migrateToLatest } from '../../server/storage/migrate';
import { addRep } from '../support/inbox-client';
import { createTestApp, inquiryBody, type TestApp } from '../support/test-app';

// Migration 0016: a stored `NA` (North America until then, Namibia's ISO code since) becomes
// "North America", in reps' lists and rules' alike, so that they route as they did.

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

let buyers = 0;
async function send(country: string): Promise<string | null> {
  const res = await t.app.request('/api/v1/sites/demo/inquiries', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    // A buyer of their own each: a returning buyer goes to their last rep.
    body: JSON.stringify(inquiryBody({ country, email: `buyer${++buyers}@buyer.example` })),
  });
  expect(res.status).toBe(201);
  const { id } = (await res.json()) as InquiryCreated;
  return (await t.store.findInquiry(id))?.repId ?? null;
}

const lists = async () => ({
  reps: (await t.db.selectFrom('reps').select(['email', 'countries']).orderBy('email').execute())
    .filter((r) => r.countries !== '[]')
    .map((r) => [r.email, JSON.parse(r.countries)]),
  rules: (await t.db.selectFrom('rules').select(['name', 'match']).orderBy('name').execute()).map(
    (r) => [r.name, JSON.parse(r.match)],
  ),
});

describe('migration 0016', () => {
  it('rewrites NA as North America in stored lists, which route as before; down writes NA back', async () => {
    const site = await t.store.findSiteByKey('demo');
    const ana = await addRep(t, { email: 'ana@hengda.example', name: 'Ms. Ana Wu' });
    const li = await addRep(t, { email: 'li@hengda.example', name: 'Mr. Li' });
    await migrateTo(t.db, '0015-search-words');
    // As an admin could save them before 0016 (the store takes lists as given).
    await t.store.updateRepProfile(ana.id, { countries: ['DE', ' na'] });
    await t.store.replaceRules(site?.id ?? '', [
      {
        id: 'rule-na',
        siteId: site?.id ?? '',
        name: 'americas',
        match: { countries: ['NA', 'LATAM'], sku: 'BV-*' },
        target: { repId: li.id },
      },
    ]);

    await migrateToLatest(t.db);
    expect(await lists()).toEqual({
      reps: [['ana@hengda.example', ['DE', 'North America']]],
      rules: [['americas', { countries: ['North America', 'LATAM'], sku: 'BV-*' }]],
    });
    // The rule still takes North America; Namibia is no longer read as North America.
    expect(await send('United States')).toBe(li.id);
    expect(await send('Brazil')).toBe(li.id);
    expect(await send('Namibia')).not.toBe(li.id);

    // The region as written since, in any spelling it matches by, is NA to an older release.
    await t.store.updateRepProfile(ana.id, { countries: ['DE', 'north_america', 'Namibia'] });
    await migrateTo(t.db, '0015-search-words');
    expect(await lists()).toEqual({
      reps: [['ana@hengda.example', ['DE', 'NA', 'Namibia']]],
      rules: [['americas', { countries: ['NA', 'LATAM'], sku: 'BV-*' }]],
    });
  });
});
