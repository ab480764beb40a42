import { describe, expect, it } from 'vitest';
import { errorAt } from './admin-fields';

describe('errorAt', () => {
  const fields = {
    name: 'Required.',
    'allowedOrigins.2': 'Bad origin.',
    'profile.hours.days.mon.0': 'The end must be after the start.',
  };

  it.each([
    ['name', undefined, 'Required.'],
    ['allowedOrigins', 'Line', 'Line 3: Bad origin.'],
    ['allowedOrigins', undefined, 'Bad origin.'],
    ['profile.hours.days.mon', undefined, 'The end must be after the start.'],
    ['profile.hours.days.tue', undefined, undefined],
    ['nam', undefined, undefined],
  ])('%s (%s)', (prefix, item, expected) => {
    expect(errorAt(fields, prefix, item)).toBe(expected);
  });

  it('answers undefined without fields', () => {
    expect(errorAt(undefined, 'name')).toBeUndefined();
  });
});
