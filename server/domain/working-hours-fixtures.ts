import type { WeeklyHours } from '../../contract';

// Weekly hours the working-hours tests share, named by zone and shape.

type Period = NonNullable<WeeklyHours['days']['mon']>[number];

export const workweek = (...periods: Period[]): WeeklyHours['days'] => ({
  mon: periods,
  tue: periods,
  wed: periods,
  thu: periods,
  fri: periods,
});
export const sundays = (timezone: string, ...periods: Period[]): WeeklyHours => ({
  timezone,
  days: { sun: periods },
});

export const shanghai: WeeklyHours = {
  timezone: 'Asia/Shanghai',
  days: workweek(['09:00', '18:00']),
};
export const tokyoLunch: WeeklyHours = {
  timezone: 'Asia/Tokyo',
  days: workweek(['09:00', '12:00'], ['13:00', '18:00']),
};
export const newYork: WeeklyHours = {
  timezone: 'America/New_York',
  days: workweek(['09:00', '17:00']),
};
export const sydney: WeeklyHours = {
  timezone: 'Australia/Sydney',
  days: workweek(['09:00', '17:00']),
};
export const berlinNight = sundays('Europe/Berlin', ['00:00', '06:00']);
export const berlinEarly = sundays('Europe/Berlin', ['02:30', '05:00']);
export const newYorkNight = sundays('America/New_York', ['00:00', '06:00']);
export const newYorkEarly = sundays('America/New_York', ['01:30', '05:00']);
export const sydneyNight = sundays('Australia/Sydney', ['00:00', '06:00']);
export const lateMonday: WeeklyHours = {
  timezone: 'Europe/Berlin',
  days: { mon: [['18:00', '24:00']] },
};
export const overnight: WeeklyHours = {
  timezone: 'Europe/Berlin',
  days: { mon: [['22:00', '24:00']], tue: [['00:00', '06:00']] },
};
export const wednesdayOff: WeeklyHours = {
  timezone: 'Europe/Berlin',
  days: { ...workweek(['09:00', '17:00']), wed: [] },
};
export const emptyWeek: WeeklyHours = { timezone: 'Europe/Berlin', days: {} };
export const kolkata: WeeklyHours = {
  timezone: 'Asia/Kolkata',
  days: workweek(['09:00', '17:30']),
};
export const kathmandu: WeeklyHours = {
  timezone: 'Asia/Kathmandu',
  days: workweek(['09:00', '17:00']),
};

export const iso = (date: Date | null) => date?.toISOString() ?? null;
