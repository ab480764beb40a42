import { describe, expect, it } from 'vitest';
import { route, ruleMatches, type RoutingInput } from './router';
import { ALL_WEEK, input, rep, team, WEEKDAYS_9_TO_6 } from './router-fixtures';

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

  it('reads an empty list of countries or languages as no condition, as an absent one', () => {
    const inquiry = { country: 'Germany', language: 'de-DE', products: [{ sku: 'BV-1' }] };
    expect(ruleMatches({ sku: 'BV-*', countries: [], languages: [] }, inquiry)).toBe(true);
    expect(ruleMatches({ sku: 'GV-*', countries: [] }, inquiry)).toBe(false);
  });
});

describe('route: a teammate who suits the buyer', () => {
  const sales = (over: Partial<RoutingInput> = {}) =>
    input({
      site: { defaultRepId: null, defaultTeamId: 'sales' },
      reps: [rep('moore'), rep('ana', { languages: ['es'] }), rep('li', { countries: ['LATAM'] })],
      teams: [team('sales', ['moore', 'ana', 'li'])],
      ...over,
    });

  it("goes to a free member who speaks the buyer's language, out of turn", () => {
    const decision = route(sales({ inquiry: { language: 'es-MX', products: [] } }));
    expect(decision.repId).toBe('ana');
    expect(decision.reason).toMatch(/team 'sales' \(round-robin\), speaks es-MX$/);
  });

  it('or to one who covers their country, named in any of the widget languages', () => {
    const decision = route(sales({ inquiry: { country: 'Brasil', language: 'pt', products: [] } }));
    expect(decision.repId).toBe('li');
    expect(decision.reason).toMatch(/covers Brasil$/);
  });

  it('takes turns among those who suit, and among everyone when none of them is free', () => {
    const spanish = { inquiry: { language: 'es', products: [] } };
    const both = sales({
      ...spanish,
      reps: [rep('moore'), rep('ana', { languages: ['es'] }), rep('li', { languages: ['es'] })],
      teams: [team('sales', ['moore', 'ana', 'li'], { lastAssignedRepId: 'ana' })],
    });
    expect(route(both).repId).toBe('li');
    const away = sales({
      ...spanish,
      reps: [rep('moore'), rep('ana', { languages: ['es'], away: true }), rep('li')],
      teams: [team('sales', ['moore', 'ana', 'li'], { lastAssignedRepId: 'moore' })],
    });
    const decision = route(away);
    expect(decision.repId).toBe('li');
    expect(decision.reason).toMatch(/\(round-robin\)$/);
  });
});
