import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody, InquiryCreated } from '../../contract';
import { createTestApp, inquiryBody, rowCounts, type TestApp } from '../support/test-app';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

function post(body: unknown) {
  return t.app.request('/api/v1/sites/demo/inquiries', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('POST inquiries with a basket (products[])', () => {
  it('takes a basket of several products, each with its quantity and unit', async () => {
    const basket = [
      { name: 'Ball Valve DN50', sku: 'BV-50', quantity: 500, unit: 'pieces' },
      { name: 'Gate Valve DN80', category: 'valves', quantity: 2, unit: 'containers' },
      { name: 'Flange gasket' },
    ];
    const res = await post(
      inquiryBody({ product: undefined, quantity: undefined, products: basket }),
    );
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as InquiryCreated;
    expect(await t.store.findInquiry(id)).toMatchObject({
      quantity: null,
      unit: null,
      products: basket,
    });
  });

  it.each([
    ['both product and products', { products: [{ name: 'Gate Valve' }] }, 'products'],
    ['an empty basket', { product: undefined, products: [] }, 'products'],
    [
      'a basket of 21 products',
      { product: undefined, products: Array.from({ length: 21 }, (_, i) => ({ name: `P${i}` })) },
      'products',
    ],
    [
      'a line without a positive quantity',
      { product: undefined, products: [{ name: 'Gate Valve', quantity: 0 }] },
      'products.0.quantity',
    ],
    [
      'a line with an unknown unit',
      { product: undefined, products: [{ name: 'Gate Valve', quantity: 1, unit: 'barrels' }] },
      'products.0.unit',
    ],
  ])('refuses %s and stores nothing', async (_, over, field) => {
    const before = await rowCounts(t.db);
    const res = await post(inquiryBody(over));
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(body.error.fields ?? {})).toContain(field);
    expect(await rowCounts(t.db)).toEqual(before);
  });
});
