import { describe, expect, it } from 'vitest';
import type { RepInput } from '../../contract';
import type { ErrorBody } from '../../contract';
import {
  call,
  MOORE,
  moore,
  ok,
  refused,
  repInput,
  siteInput,
  snapshot,
  t,
  useSignedInAdmin,
} from '../support/admin-client';
import { createRep } from '../../server/domain/admin';
import { DomainError } from '../../server/domain/errors';
import { addRep } from '../support/inbox-client';

useSignedInAdmin();

describe('bad input gets 400 with field messages and changes nothing', () => {
  it.each([
    [
      'a bad origin pattern',
      { allowedOrigins: ['https://ok.example', '*'] },
      'allowedOrigins.1',
      /origin such as/,
    ],
    [
      'an origin with a path',
      { allowedOrigins: ['https://ok.example/shop'] },
      'allowedOrigins.0',
      /origin such as/,
    ],
    ['a bad colour', { themeColor: 'teal' }, 'themeColor', /#1d4ed8/],
    [
      'a promise of 0 hours',
      { replyPromiseHours: 0 },
      'replyPromiseHours',
      /^Must be at least 1\.$/,
    ],
    ['an unknown default rep', { defaultRepId: 'nobody' }, 'defaultRepId', /rep of this site/],
    ['an unknown default team', { defaultTeamId: 'nothing' }, 'defaultTeamId', /team of this site/],
  ])('site: %s', async (_name, over, field, message) => {
    const before = await snapshot();
    const error = await refused('PUT', '/site', siteInput(before.site, over));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields?.[field]).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    [
      'a bad timezone in hours',
      { profile: { ...repInput().profile, hours: { timezone: 'Mars/Olympus', days: {} } } },
      'profile.hours.timezone',
      /IANA/,
    ],
    [
      'a period that ends before it starts',
      {
        profile: {
          ...repInput().profile,
          hours: { timezone: 'Europe/Berlin', days: { tue: [['18:00', '09:00']] } },
        },
      },
      'profile.hours.days.tue.0',
      /end after/,
    ],
    [
      'a malformed WhatsApp number',
      { profile: { ...repInput().profile, whatsapp: '0800 123' } },
      'profile.whatsapp',
      /\+8613800000000/,
    ],
    [
      'NA among its countries (Namibia or North America?)',
      { profile: { ...repInput().profile, countries: ['MX', ' na '] } },
      'profile.countries',
      /NA is ambiguous: write "Namibia" or "North America"/,
    ],
    ['an email another account has', { email: MOORE.toUpperCase() }, 'email', /Another account/],
    ['a handle another rep has', { handle: 'moore-liu' }, 'handle', /Another rep/],
    ['a handle with spaces', { handle: 'Ana Wu' }, 'handle', /lower-case/],
  ] satisfies Array<[string, Partial<RepInput>, string, RegExp]>)(
    'rep: %s',
    async (_name, over, field, message) => {
      const before = await snapshot();
      const error = await refused('POST', '/reps', repInput(over));
      expect(error.fields?.[field]).toMatch(message);
      expect(await snapshot()).toEqual(before);
    },
  );

  it('rep: an admin cannot demote or deactivate themselves', async () => {
    const error = await refused(
      'PUT',
      `/reps/${moore.id}`,
      repInput({ email: MOORE, handle: 'moore-liu', role: 'rep', active: false }),
    );
    expect(error.fields).toMatchObject({ role: expect.any(String), active: expect.any(String) });
  });

  it('team: an unknown member and one of another site', async () => {
    const other = await addRep(t, { email: 'zed@other.example', siteKey: 'other' });
    const before = await snapshot();
    const error = await refused('POST', '/teams', {
      name: 'Valves',
      distribution: 'round-robin',
      memberIds: [moore.id, 'nobody', other.id],
    });
    expect(error.fields).toEqual({
      'memberIds.1': 'Choose a rep of this site.',
      'memberIds.2': 'Choose a rep of this site.',
    });
    expect(await snapshot()).toEqual(before);
  });

  it("rules: a rule pointing at another site's team or rep", async () => {
    const other = await addRep(t, { email: 'zed@other.example', siteKey: 'other' });
    await t.store.saveTeam({
      id: 'team-other',
      siteId: other.siteId,
      name: 'Other',
      distribution: 'round-robin',
      memberIds: [],
    });
    await ok('PUT', '/rules', {
      rules: [{ name: 'Mine', match: {}, target: { repId: moore.id } }],
    });
    const before = await snapshot();
    const error = await refused('PUT', '/rules', {
      rules: [
        { name: 'Fine', match: { sku: 'BV-*' }, target: { repId: moore.id } },
        { name: 'Theirs', match: {}, target: { repId: other.id } },
        { name: 'Their team', match: {}, target: { teamId: 'team-other' } },
        { id: 'rule-of-nobody', name: 'Stolen id', match: {}, target: { repId: moore.id } },
      ],
    });
    expect(error.fields).toEqual({
      'rules.1.target.repId': 'Choose a rep of this site.',
      'rules.2.target.teamId': 'Choose a team of this site.',
      'rules.3.id': 'No such rule of this site.',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('two requests at once for one team name, or one email, make one; the other is told why', async () => {
    const teams = await Promise.all(
      ['Sales', 'sales'].map((name) =>
        call('POST', '/teams', { name, distribution: 'round-robin', memberIds: [] }),
      ),
    );
    expect(teams.map((r) => r.status).sort()).toEqual([201, 400]);
    const reps = await Promise.all(
      [1, 2].map((n) =>
        call('POST', '/reps', repInput({ email: 'twice@hengda.example', handle: `twice-${n}` })),
      ),
    );
    expect(reps.map((r) => r.status).sort()).toEqual([201, 400]);
    const refusedRep = reps.find((r) => r.status === 400);
    expect(((await refusedRep?.json()) as ErrorBody).error.fields?.email).toMatch(
      /Another account/,
    );
  });

  it('a team deleted while rules, the site or the team are saved: never a 500, nothing left pointing at it', async () => {
    for (const racer of ['rules', 'site', 'team'] as const) {
      const created = await call('POST', '/teams', {
        name: `Racing ${racer}`,
        distribution: 'round-robin',
        memberIds: [],
      });
      const { id } = (await created.json()) as { id: string };
      const before = await snapshot();
      const save = {
        rules: () =>
          call('PUT', '/rules', { rules: [{ name: 'all', match: {}, target: { teamId: id } }] }),
        site: () => call('PUT', '/site', siteInput(before.site, { defaultTeamId: id })),
        team: () =>
          call('PUT', `/teams/${id}`, { name: 'Back', distribution: 'round-robin', memberIds: [] }),
      }[racer];
      const [saved, deleted] = await Promise.all([save(), call('DELETE', `/teams/${id}`)]);
      // Saved before the deletion (which then drops it), or refused after it.
      expect(deleted.status, racer).toBe(204);
      expect([200, 400, 404], racer).toContain(saved.status);
      const after = await snapshot();
      expect(
        after.teams.some((team) => team.id === id),
        racer,
      ).toBe(false);
      expect(after.site.defaultTeamId, racer).not.toBe(id);
      expect(JSON.stringify(after.rules), racer).not.toContain(id);
      if (racer === 'site') await call('PUT', '/site', siteInput(before.site, {}));
    }
  });

  it('an email another site took while this one checked it: 400 on the email, not a 500', async () => {
    // Another site's admin adds the email after this request looked for it (past its lock).
    const findRepByEmail = t.store.findRepByEmail.bind(t.store);
    let raced = false;
    t.store.findRepByEmail = async (email) => {
      const found = await findRepByEmail(email);
      if (!raced && email === 'shared@hengda.example') {
        raced = true;
        await addRep(t, { email, siteKey: 'other' });
      }
      return found;
    };
    const deps = { store: t.store, newId: t.newId, clock: () => t.now.value };
    const error = await createRep(deps, moore.siteId, repInput({ email: 'shared@hengda.example' }))
      .then(() => null)
      .catch((err: unknown) => err);
    t.store.findRepByEmail = findRepByEmail;
    expect(raced).toBe(true);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).fields).toEqual({ email: 'Another account uses this email.' });
  });

  it('rules: a long list the API took and gave back saves again as it is', async () => {
    const languages = Array.from({ length: 40 }, (_, i) => `x-${String(i).padStart(3, '0')}`);
    const rules = Array.from({ length: 200 }, (_, i) => ({
      name: `Rule ${i} ${'r'.repeat(80)}`,
      match: {
        pageUrl: `https://hengda.example/${i}/${'p'.repeat(460)}*`,
        sku: `SKU-${i}-${'s'.repeat(80)}*`,
        languages,
      },
      target: { repId: moore.id },
    }));
    const put = await call('PUT', '/rules', { rules });
    expect(put.status).toBe(200);
    const given = await ok<unknown[]>('GET', '/rules');
    // Over 64 KB with ids (the body limit of every other admin route): it was refused with 413.
    expect(JSON.stringify({ rules: given }).length).toBeGreaterThan(200_000);
    expect((await call('PUT', '/rules', { rules: given })).status).toBe(200);
    expect(await ok<unknown[]>('GET', '/rules')).toEqual(given);
  });

  it('rules: a list that fits the body limit only without its ids is refused, and changes nothing', async () => {
    const country = (k: number) => `Country ${String(k).padStart(4, '0')} ${'c'.repeat(47)}`;
    const rules = Array.from({ length: 200 }, (_, i) => ({
      name: `R${i}`,
      match: { countries: Array.from({ length: 90 }, (_, k) => country(k)) },
      target: { repId: moore.id },
    }));
    const size = () => Buffer.byteLength(JSON.stringify({ rules }));
    // Just under 1 MB as sent; each rule's id (44 bytes with its key) takes it past.
    // A country takes 63 bytes in the list (60, its quotes, a comma).
    const over = Math.ceil((size() - (1024 * 1024 - 1000)) / 63);
    for (let i = 0; i < over; i++) rules[i % rules.length]?.match.countries.pop();
    expect(size()).toBeGreaterThan(1024 * 1024 - 8000);
    const before = await snapshot();
    const error = await refused('PUT', '/rules', { rules });
    expect(error.fields).toEqual({ rules: 'Too long together: at most 1 MB with ids.' });
    expect(await snapshot()).toEqual(before);
  });

  it('rules: NA among the countries is refused as ambiguous', async () => {
    const before = await snapshot();
    const error = await refused('PUT', '/rules', {
      rules: [{ name: 'x', match: { countries: ['NA'] }, target: { repId: moore.id } }],
    });
    expect(error.fields).toEqual({
      'rules.0.match.countries': 'NA is ambiguous: write "Namibia" or "North America".',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('rules: a bad condition is named by its path', async () => {
    const error = await refused('PUT', '/rules', {
      rules: [{ name: 'x', match: { sku: '' }, target: { repId: moore.id } }],
    });
    expect(Object.keys(error.fields ?? {})).toEqual(['rules.0.match.sku']);
  });
});
