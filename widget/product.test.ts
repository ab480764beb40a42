import { expect, test } from 'vitest';
import { toProduct } from './product';

const page = 'https://www.hengda.example/news/quality.html';

test('reads the fields and makes the URLs absolute', () => {
  expect(
    toProduct(
      {
        name: ' Ball Valve ',
        sku: 'HD-BV-50',
        url: '/products/ball-valve',
        image: 'img/ball.svg',
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
  expect(toProduct({ sku: 'HD-1' }, page)).toBeUndefined();
  expect(toProduct({ name: '  ' }, page)).toBeUndefined();
  expect(toProduct({ name: 7 }, page)).toBeUndefined();
  expect(toProduct('Pump', page)).toBeUndefined();
  expect(toProduct(undefined, page)).toBeUndefined();
  expect(toProduct(null, page)).toBeUndefined();
});

test('drops URLs that are not http(s) instead of failing the inquiry', () => {
  expect(
    toProduct({ name: 'Valve', url: 'javascript:alert(1)', image: 'http://[bad' }, page),
  ).toEqual({ name: 'Valve' });
});

test('without a base, relative URLs are left out', () => {
  expect(toProduct({ name: 'Pump', url: '/p', image: 'https://cdn.example/p.png' })).toEqual({
    name: 'Pump',
    image: 'https://cdn.example/p.png',
  });
});
