import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RepInput, WeeklyHours } from '../../contract';
import { createTestApp, type TestApp } from '../../tests/support/test-app';
import type { Rep } from '../storage/store';
import {
  createRep,
  hoursProblems,
  replaceRules,
  saveTeam,
  updateRep,
  type AdminDeps,
} from './admin';
import { DomainError } from './errors';

describe('hoursProblems', () => {
  it.each([
    ['no hours', null, {}],
    ['valid hours', { timezone: 'Asia/Shanghai', days: { mon: [['09:00', '24:00']] } }, {}],
    [
      'an unknown zone',
      { timezone: 'Mars/Olympus', days: {} },
      { 'h.timezone': expect.any(String) },
    ],
    [
      'an offset instead of a zone',
      { timezone: '+08:00', days: {} },
      { 'h.timezone': expect.any(String) },
    ],
  ] satisfies Array<[string, WeeklyHours | null, Record<string, unknown>]>)(
    '%s',
    (_name, hours, expected) => {
      expect(hoursProblems(hours, 'h')).toEqual(expected);
    },
  );
});

describe('admin functions on a real store', () => {
  let t: TestApp;
  let deps: AdminDeps;
  let moore: Rep;

  beforeEach(async () => {
    t = await createTestApp();
    deps = { store: t.store, newId: t.newId, clock: () => t.now.value };
    const found = await t.store.findRepByEmail('moore.liu@example.com');
    if (!found) throw new Error('no demo rep');
    moore = found;
  });
  afterEach(async () => {
    await t.close();
  });

  const fieldsOf = async (work: Promise<unknown>) => {
    const error = await work.then(
      () => null,
      (err: unknown) => err,
    );
    if (!(error instanceof DomainError)) throw new Error('expected a DomainError');
    expect(error.code).toBe('VALIDATION_FAILED');
    return error.fields;
  };

  const input = (over: Partial<RepInput> = {}): RepInput => ({
    name: 'Ana',
    title: null,
    email: 'ana@example.com',
    role: 'rep',
    handle: 'ana',
    active: true,
    profile: {
      languages: [],
      countries: [],
      hours: null,
      away: false,
      whatsapp: null,
      maxOpen: null,
    },
    ...over,
  });

  it('refuses to change an email, since the store cannot yet', async () => {
    const ana = await createRep(deps, moore.siteId, input());
    expect(
      await fieldsOf(updateRep(deps, moore, ana.id, input({ email: 'new@example.com' }))),
    ).toEqual({
      email: 'An email cannot be changed yet.',
    });
  });

  it('refuses a team name twice (any case) and a member listed twice', async () => {
    await saveTeam(deps, moore.siteId, null, {
      name: 'Valves',
      distribution: 'round-robin',
      memberIds: [],
    });
    expect(
      await fieldsOf(
        saveTeam(deps, moore.siteId, null, {
          name: 'VALVES',
          distribution: 'least-open',
          memberIds: [moore.id, moore.id],
        }),
      ),
    ).toEqual({ name: 'Another team has this name.', 'memberIds.1': 'Listed twice.' });
  });

  it('keeps the ids of existing rules and gives new ones theirs', async () => {
    const [first] = await replaceRules(deps, moore.siteId, [
      { name: 'One', match: {}, target: { repId: moore.id } },
    ]);
    if (!first) throw new Error('one rule expected');
    const rules = await replaceRules(deps, moore.siteId, [
      { name: 'Two', match: { sku: 'BV-*' }, target: { repId: moore.id } },
      { ...first, name: 'One, renamed' },
    ]);
    expect(rules.map((r) => r.name)).toEqual(['Two', 'One, renamed']);
    expect(rules[1]?.id).toBe(first.id);
    expect(rules[0]?.id).not.toBe(first.id);
  });

  it('refuses the same rule id twice in one list', async () => {
    const [first] = await replaceRules(deps, moore.siteId, [
      { name: 'One', match: {}, target: { repId: moore.id } },
    ]);
    if (!first) throw new Error('one rule expected');
    expect(await fieldsOf(replaceRules(deps, moore.siteId, [first, first]))).toEqual({
      'rules.1.id': 'No such rule of this site.',
    });
  });
});
