import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WeeklyHours } from '../../contract';
import { route, ruleMatches, type RoutingInput, type RoutingRep, type RoutingTeam } from './router';

// Sunday 29 Nov 2026, 08:00 UTC: 16:00 in Shanghai, 09:00 in Berlin, 03:00 in New York.
const NOW = new Date('2026-11-29T08:00:00Z');
const WEEKDAYS_9_TO_6 = (timezone: string): WeeklyHours => ({
  timezone,
  days: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['09:00', '18:00']]]),
  ),
});
const ALL_WEEK = (timezone: string): WeeklyHours => ({
  timezone,
  days: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]),
  ),
});

const rep = (id: string, over: Partial<RoutingRep> = {}): RoutingRep => ({
  id,
  name: id.toUpperCase(),
  handle: id,
  active: true,
  away: false,
  hours: null,
  maxOpen: null,
  openCount: 0,
  ...over,
});
const team = (id: string, memberIds: string[], over: Partial<RoutingTeam> = {}): RoutingTeam => ({
  id,
  name: id,
  distribution: 'round-robin',
  memberIds,
  lastAssignedRepId: null,
  ...over,
});
const input = (over: Partial<RoutingInput> = {}): RoutingInput => ({
  site: { defaultRepId: 'moore', defaultTeamId: null },
  reps: [rep('moore'), rep('ana'), rep('li')],
  teams: [team('sales', ['moore', 'ana'])],
  rules: [],
  inquiry: { products: [] },
  lastRepIdForEmail: null,
  now: NOW,
  ...over,
});

describe('route: each step', () => {
  const cases: Array<[string, Partial<RoutingInput>, string | null, RegExp]> = [
    [
      'the embed names an active rep',
      { inquiry: { requestedHandle: 'li', products: [] } },
      'li',
      /named by the embed/,
    ],
    [
      'the embed names an off-duty rep: still theirs',
      {
        reps: [rep('moore'), rep('li', { hours: WEEKDAYS_9_TO_6('Asia/Shanghai') })],
        inquiry: { requestedHandle: 'li', products: [] },
      },
      'li',
      /named by the embed/,
    ],
    [
      'the embed names an away rep: passed on',
      {
        reps: [rep('moore'), rep('li', { away: true })],
        inquiry: { requestedHandle: 'li', products: [] },
      },
      'moore',
      /default rep/,
    ],
    [
      'the embed names an unknown handle',
      { inquiry: { requestedHandle: 'zed', products: [] } },
      'moore',
      /default rep/,
    ],
    [
      'a returning buyer goes to their last rep',
      { lastRepIdForEmail: 'li' },
      'li',
      /returning buyer/,
    ],
    [
      'a returning buyer whose rep is away: teammate',
      { reps: [rep('moore', { away: true }), rep('ana'), rep('li')], lastRepIdForEmail: 'moore' },
      'ana',
      /MOORE is away, teammate in 'sales'/,
    ],
    [
      'a page rule',
      {
        rules: [
          {
            name: 'pumps',
            match: { pageUrl: 'https://x.example/pumps/*' },
            target: { repId: 'li' },
          },
        ],
        inquiry: { pageUrl: 'https://x.example/pumps/p1', products: [] },
      },
      'li',
      /rule 'pumps'/,
    ],
    [
      'a page rule that does not match',
      {
        rules: [
          {
            name: 'pumps',
            match: { pageUrl: 'https://x.example/pumps/*' },
            target: { repId: 'li' },
          },
        ],
        inquiry: { pageUrl: 'https://x.example/valves/v1', products: [] },
      },
      'moore',
      /default/,
    ],
    [
      'a SKU rule',
      {
        rules: [{ name: 'valves', match: { sku: 'BV-*' }, target: { repId: 'ana' } }],
        inquiry: { products: [{ sku: 'bv-50' }] },
      },
      'ana',
      /rule 'valves'/,
    ],
    [
      'a category rule',
      {
        rules: [{ name: 'fittings', match: { category: 'Fittings' }, target: { repId: 'li' } }],
        inquiry: { products: [{ category: 'fittings' }] },
      },
      'li',
      /fittings/,
    ],
    [
      'a country rule by region',
      {
        rules: [{ name: 'latam', match: { countries: ['LATAM'] }, target: { repId: 'li' } }],
        inquiry: { country: 'Peru', products: [] },
      },
      'li',
      /latam/,
    ],
    [
      'a language rule',
      {
        rules: [{ name: 'spanish', match: { languages: ['es'] }, target: { repId: 'ana' } }],
        inquiry: { language: 'es-MX', products: [] },
      },
      'ana',
      /spanish/,
    ],
    [
      'the first matching rule wins',
      {
        rules: [
          { name: 'a', match: { languages: ['es'] }, target: { repId: 'ana' } },
          { name: 'b', match: {}, target: { repId: 'li' } },
        ],
        inquiry: { language: 'es', products: [] },
      },
      'ana',
      /rule 'a'/,
    ],
    [
      'a rule to a team',
      { rules: [{ name: 'all', match: {}, target: { teamId: 'sales' } }] },
      'moore',
      /team 'sales'/,
    ],
    [
      'a rule to a team of unavailable people: next step',
      {
        reps: [rep('moore', { away: true }), rep('ana', { away: true }), rep('li')],
        rules: [{ name: 'all', match: {}, target: { teamId: 'sales' } }],
        site: { defaultRepId: 'li', defaultTeamId: null },
      },
      'li',
      /default rep/,
    ],
    [
      'the site default team',
      { site: { defaultRepId: null, defaultTeamId: 'sales' } },
      'moore',
      /default team/,
    ],
    [
      'nobody: the queue',
      { site: { defaultRepId: null, defaultTeamId: null } },
      null,
      /unassigned/,
    ],
    [
      'everyone away: the queue, saying why',
      {
        reps: [rep('moore', { away: true }), rep('ana', { away: true }), rep('li', { away: true })],
      },
      null,
      /unassigned: MOORE is away/,
    ],
    [
      'an inactive default rep',
      { reps: [rep('moore', { active: false }), rep('ana'), rep('li')] },
      'ana',
      /MOORE is inactive/,
    ],
    [
      'a rep at their cap: teammate',
      { reps: [rep('moore', { maxOpen: 3, openCount: 3 }), rep('ana'), rep('li')] },
      'ana',
      /cap of 3/,
    ],
    [
      'off duty in Shanghai on a Sunday: teammate on duty',
      {
        reps: [
          rep('moore', { hours: WEEKDAYS_9_TO_6('Asia/Shanghai') }),
          rep('ana', { hours: ALL_WEEK('Europe/Berlin') }),
          rep('li'),
        ],
      },
      'ana',
      /MOORE is off duty/,
    ],
  ];
  it.each(cases)('%s', (_name, over, expected, reason) => {
    const decision = route(input(over));
    expect(decision.repId).toBe(expected);
    expect(decision.reason).toMatch(reason);
  });

  it('least-open picks the member with the fewest open inquiries', () => {
    const decision = route(
      input({
        reps: [
          rep('moore', { openCount: 5 }),
          rep('ana', { openCount: 2 }),
          rep('li', { openCount: 2 }),
        ],
        teams: [team('sales', ['moore', 'ana', 'li'], { distribution: 'least-open' })],
        site: { defaultRepId: null, defaultTeamId: 'sales' },
      }),
    );
    expect(decision).toMatchObject({ repId: 'ana', teamId: 'sales' });
  });

  it('matches rules only when every condition holds', () => {
    const match = { sku: 'BV-*', countries: ['DE'] };
    expect(ruleMatches(match, { country: 'Germany', products: [{ sku: 'BV-1' }] })).toBe(true);
    expect(ruleMatches(match, { country: 'France', products: [{ sku: 'BV-1' }] })).toBe(false);
    expect(ruleMatches(match, { country: 'Germany', products: [{ sku: 'GV-1' }] })).toBe(false);
    expect(
      ruleMatches(
        { pageUrl: '*.example/a+b*' },
        { pageUrl: 'https://x.example/a+b/c', products: [] },
      ),
    ).toBe(true);
  });
});

// Random sites: reps with random availability, teams over them, rules over random inquiries.
const arbRep = (id: string) =>
  fc.record({
    id: fc.constant(id),
    name: fc.constant(id),
    handle: fc.constant(id),
    active: fc.boolean(),
    away: fc.boolean(),
    hours: fc.constant(null),
    maxOpen: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
    openCount: fc.integer({ min: 0, max: 4 }),
  });
const IDS = ['r0', 'r1', 'r2', 'r3', 'r4'];
const arbInput = fc.record({
  reps: fc.tuple(...IDS.map(arbRep)),
  teams: fc.array(
    fc.record({
      id: fc.constantFrom('t0', 't1'),
      name: fc.constant('t'),
      distribution: fc.constantFrom('round-robin' as const, 'least-open' as const),
      memberIds: fc.subarray(IDS, { minLength: 1 }),
      lastAssignedRepId: fc.option(fc.constantFrom(...IDS), { nil: null }),
    }),
    { maxLength: 2 },
  ),
  rules: fc.array(
    fc.record({
      name: fc.constant('rule'),
      match: fc.record(
        { languages: fc.constantFrom('en', 'es', 'de').map((l): string[] => [l]) },
        { requiredKeys: [] },
      ),
      target: fc.oneof(
        fc.record({ repId: fc.constantFrom(...IDS, 'ghost') }),
        fc.record({ teamId: fc.constantFrom('t0', 't1', 'ghost') }),
      ),
    }),
    { maxLength: 3 },
  ),
  site: fc.record({
    defaultRepId: fc.option(fc.constantFrom(...IDS), { nil: null }),
    defaultTeamId: fc.option(fc.constantFrom('t0', 't1'), { nil: null }),
  }),
  language: fc.constantFrom('en', 'es-MX', 'de-DE', 'fr'),
  lastRepIdForEmail: fc.option(fc.constantFrom(...IDS), { nil: null }),
  requestedHandle: fc.option(fc.constantFrom(...IDS, 'nobody'), { nil: undefined }),
});

describe('route: properties', () => {
  it('gives every inquiry exactly one available rep, or the queue only when nobody can take it', () => {
    fc.assert(
      fc.property(arbInput, (a) => {
        const decision = route({
          site: a.site,
          reps: [...a.reps],
          teams: a.teams,
          rules: a.rules,
          inquiry: { requestedHandle: a.requestedHandle, language: a.language, products: [] },
          lastRepIdForEmail: a.lastRepIdForEmail,
          now: NOW,
        });
        expect(decision.reason.length).toBeGreaterThan(0);
        if (decision.repId === null) return;
        const chosen = a.reps.find((r) => r.id === decision.repId);
        expect(chosen).toBeDefined();
        const named = chosen?.handle === a.requestedHandle;
        // Only the embed's named rep may be taken over their cap; nobody inactive or away.
        expect(chosen?.active && !chosen.away).toBe(true);
        if (!named && chosen?.maxOpen != null)
          expect(chosen.openCount).toBeLessThan(chosen.maxOpen);
      }),
      { numRuns: 500 },
    );
  });

  it('round robin is fair: over many inquiries, member counts differ by at most one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 1, max: 60 }),
        (size, count) => {
          const members = IDS.slice(0, size);
          let t = team('t', members);
          const counts = new Map<string, number>();
          for (let i = 0; i < count; i++) {
            const d = route(
              input({
                reps: members.map((id) => rep(id)),
                teams: [t],
                site: { defaultRepId: null, defaultTeamId: 't' },
              }),
            );
            if (!d.repId) throw new Error('unassigned');
            counts.set(d.repId, (counts.get(d.repId) ?? 0) + 1);
            t = { ...t, lastAssignedRepId: d.repId };
          }
          const values = members.map((m) => counts.get(m) ?? 0);
          expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 200 },
    );
  });
});
