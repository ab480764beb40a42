import { describe, expect, test } from 'vitest';
import { productFromDataset, productFromOptions } from './product';

const page = 'https://www.hengda.example/news/quality.html';

describe('productFromDataset', () => {
  test('reads data-product-* and makes the URLs absolute', () => {
    expect(
      productFromDataset(
        {
          productName: ' Ball Valve ',
          productSku: 'HD-BV-50',
          productUrl: '/products/ball-valve',
          productImage: 'img/ball.svg',
        },
        page,
      ),
    ).toEqual({
      name: 'Ball Valve',
      sku: 'HD-BV-50',
      url: 'https://www.hengda.example/products/ball-valve',
      image: 'https://www.hengda.example/news/img/ball.svg',
    });
  });

  test('no name, no product', () => {
    expect(productFromDataset({ productSku: 'HD-1' }, page)).toBeUndefined();
    expect(productFromDataset({ productName: '  ' }, page)).toBeUndefined();
  });

  test('drops URLs that are not http(s) instead of failing the inquiry', () => {
    expect(
      productFromDataset(
        { productName: 'Valve', productUrl: 'javascript:alert(1)', productImage: 'http://[bad' },
        page,
      ),
    ).toEqual({ name: 'Valve' });
  });
});

describe('productFromOptions', () => {
  test("reads liaison('open', { product })", () => {
    expect(productFromOptions({ product: { name: 'Pump', url: '/p' } }, page)).toEqual({
      name: 'Pump',
      url: 'https://www.hengda.example/p',
    });
  });

  test('anything else is no product', () => {
    expect(productFromOptions(undefined, page)).toBeUndefined();
    expect(productFromOptions({ product: 'Pump' }, page)).toBeUndefined();
    expect(productFromOptions({ product: { name: 7 } }, page)).toBeUndefined();
  });
});
