import { describe, expect, it } from 'vitest';
import type { WeeklyHours } from '../../contract';
import {
  currentPeriodEnd,
  isValidTimeZone,
  isWorkingAt,
  nextWorkingStart,
  workingMinutesBetween,
} from './working-hours';
import { shanghai } from './working-hours-fixtures';

describe('time zones and misuse', () => {
  it.each([
    ['Europe/Berlin', true],
    ['UTC', true],
    ['Asia/Kathmandu', true],
    ['Asia/Calcutta', true], // an alias, still an IANA name
    ['Mars/Olympus_Mons', false],
    ['+05:30', false],
    ['', false],
  ])('isValidTimeZone(%j) is %s', (name, valid) => {
    expect(isValidTimeZone(name)).toBe(valid);
  });

  it('throws a RangeError naming an invalid time zone', () => {
    const hours: WeeklyHours = { timezone: 'Mars/Olympus_Mons', days: {} };
    const at = new Date('2026-01-12T10:00:00.000Z');
    const message = /Invalid time zone "Mars\/Olympus_Mons"/;
    expect(() => isWorkingAt(hours, at)).toThrow(RangeError);
    expect(() => isWorkingAt(hours, at)).toThrow(message);
    expect(() => nextWorkingStart(hours, at)).toThrow(message);
    expect(() => currentPeriodEnd(hours, at)).toThrow(message);
    expect(() => workingMinutesBetween(hours, at, at)).toThrow(message);
  });

  it('throws on a period that ends before it starts', () => {
    const hours: WeeklyHours = { timezone: 'UTC', days: { fri: [['22:00', '02:00']] } };
    expect(() => isWorkingAt(hours, new Date('2026-01-12T10:00:00.000Z'))).toThrow(
      /22:00-02:00 on fri must end after it starts/,
    );
  });

  it('throws on an invalid date', () => {
    expect(() => isWorkingAt(shanghai, new Date(Number.NaN))).toThrow(RangeError);
  });
});
