import { describe, expect, it } from 'vitest';
import type { Rep, Site } from '../storage/store';
import { assign } from './assignment';

const site: Site = { id: 's1', key: 'demo', name: 'Demo', allowedOrigins: [], defaultRepId: 'r1' };
const rep = (id: string, over: Partial<Rep> = {}): Rep => ({
  id,
  siteId: 's1',
  handle: id,
  name: `Rep ${id}`,
  title: null,
  photoUrl: null,
  email: `${id}@example.com`,
  active: true,
  role: 'rep',
  ...over,
});

describe('assign', () => {
  const cases: Array<[string, Rep | null, Rep | null, string | null, RegExp]> = [
    ['named active rep wins', rep('r2'), rep('r1'), 'r2', /named by the embed/],
    ['named inactive rep falls back', rep('r2', { active: false }), rep('r1'), 'r1', /default/],
    [
      'named rep of another site falls back',
      rep('r3', { siteId: 's2' }),
      rep('r1'),
      'r1',
      /default/,
    ],
    ['no named rep: default', null, rep('r1'), 'r1', /default/],
    ['inactive default: queue', null, rep('r1', { active: false }), null, /queue/],
    ['nothing: queue', null, null, null, /queue/],
  ];
  it.each(cases)('%s', (_name, requested, defaultRep, expected, reason) => {
    const a = assign({ site, requested, defaultRep });
    expect(a.rep?.id ?? null).toBe(expected);
    expect(a.reason).toMatch(reason);
  });
});
