import { describe, expect, it } from 'vitest';
import { formatDay, formatHours, parseDay, parseHours, splitList } from './admin-hours';

describe('parseDay', () => {
  it.each([
    ['', []],
    ['  ', []],
    ['09:00-12:00', [['09:00', '12:00']]],
    [
      '9:00-12:00, 13:00 - 18:30',
      [
        ['09:00', '12:00'],
        ['13:00', '18:30'],
      ],
    ],
    ['22:00-24:00', [['22:00', '24:00']]],
    [
      '08:00–10:00; 11:00-12:00,',
      [
        ['08:00', '10:00'],
        ['11:00', '12:00'],
      ],
    ],
  ])('reads %j', (text, periods) => {
    expect(parseDay(text)).toEqual({ ok: true, periods });
  });

  it.each([
    ['9 to 5', /not a period/],
    ['09:00', /not a period/],
    ['12:00-09:00', /after the start/],
    ['10:00-10:00', /after the start/],
    ['09:00-25:00', /24:00/],
    ['24:00-24:30', /24:00/],
    ['01:00-02:00, 03:00-04:00, 05:00-06:00, 07:00-08:00, 09:00-10:00', /four/],
  ])('refuses %j', (text, error) => {
    const parsed = parseDay(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(error);
  });

  it('round-trips with formatDay', () => {
    const text = '09:00-12:00, 13:00-18:00';
    const parsed = parseDay(text);
    expect(parsed.ok && formatDay(parsed.periods)).toBe(text);
  });
});

describe('parseHours and formatHours', () => {
  it('leave out empty days and keep the timezone', () => {
    const texts = { ...formatHours(null), mon: '09:00-17:00', sat: '' };
    expect(parseHours(' Asia/Shanghai ', texts)).toEqual({
      ok: true,
      hours: { timezone: 'Asia/Shanghai', days: { mon: [['09:00', '17:00']] } },
    });
  });

  it('names each bad day', () => {
    const texts = { ...formatHours(null), tue: 'soon', sun: '18:00-09:00' };
    const parsed = parseHours('UTC', texts);
    expect(parsed.ok ? [] : Object.keys(parsed.errors)).toEqual(['tue', 'sun']);
  });

  it('formats every day, empty for days off', () => {
    expect(formatHours({ timezone: 'UTC', days: { fri: [['09:00', '15:00']] } })).toEqual({
      mon: '',
      tue: '',
      wed: '',
      thu: '',
      fri: '09:00-15:00',
      sat: '',
      sun: '',
    });
  });
});

describe('splitList', () => {
  it('trims and drops empties', () => {
    expect(splitList(' es, en-US ,, ')).toEqual(['es', 'en-US']);
    expect(splitList('')).toEqual([]);
  });
});
