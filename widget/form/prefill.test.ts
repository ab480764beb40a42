import { expect, test } from 'vitest';
import { applyPrefill, readPrefill } from './prefill';
import { emptyValues } from './state';

test('takes the form fields given as strings and names the rest', () => {
  const options = {
    name: 'Anna Berg',
    email: 'anna@example.de',
    quantity: 200,
    unit: 'sets',
    colour: 'red',
    phone: null,
  };
  expect(readPrefill(options)).toEqual({
    values: { name: 'Anna Berg', email: 'anna@example.de', unit: 'sets' },
    ignored: ['quantity', 'colour', 'phone'],
  });
});

test('a unit the form does not offer is left out', () => {
  expect(readPrefill({ unit: 'barrels', quantity: '5' })).toEqual({
    values: { quantity: '5' },
    ignored: ['unit'],
  });
});

test('options that are not an object give nothing', () => {
  for (const options of [undefined, null, 'anna', 42]) {
    expect(readPrefill(options)).toEqual({ values: {}, ignored: [] });
  }
});

test('own keys only: nothing comes from the prototype', () => {
  const options: object = Object.create({ name: 'inherited' });
  expect(readPrefill(options).values).toEqual({});
});

test('fills the fields the visitor has not edited, and keeps the ones they have', () => {
  const values = { ...emptyValues(), name: 'Typed Name', company: 'Page Co' };
  const next = applyPrefill(
    values,
    { name: 'Page Name', company: 'Newer Co', message: 'About the valves' },
    new Set(['name'] as const),
  );
  expect(next).toEqual({
    ...values,
    name: 'Typed Name',
    company: 'Newer Co',
    message: 'About the valves',
  });
  expect(values.company).toBe('Page Co');
});
