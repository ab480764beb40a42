import { describe, expect, it } from 'vitest';
import type { AdminRep, AdminRule, AdminSite, AdminTeam } from '../../contract';
import {
  call,
  moore,
  ok,
  refused,
  repInput,
  siteInput,
  snapshot,
  t,
  useSignedInAdmin,
} from '../support/admin-client';
import { addRep } from '../support/inbox-client';

// What an admin changes through the admin API: the site, reps, teams and rules.

useSignedInAdmin();

describe('the admin API, as an admin', () => {
  it('reads and changes the site', async () => {
    const site = await ok<AdminSite>('GET', '/site');
    expect(site).toMatchObject({
      key: 'demo',
      name: 'Hengda Fluid Control',
      defaultRepId: moore.id,
    });
    const changed = await ok<AdminSite>(
      'PUT',
      '/site',
      siteInput(site, {
        allowedOrigins: [
          'https://hengda.example',
          'https://*.hengda.example',
          'http://localhost:*',
        ],
        themeColor: '#0f766e',
        defaultLanguage: 'en',
        replyPromiseHours: 12,
        escalationReassign: true,
      }),
    );
    expect(changed).toMatchObject({ themeColor: '#0f766e', replyPromiseHours: 12 });
    expect(await ok<AdminSite>('GET', '/site')).toEqual(changed);
  });

  it('adds a rep without a password, with a profile, and changes them', async () => {
    const ana = await ok<AdminRep>('POST', '/reps', repInput(), 201);
    expect(ana).toMatchObject({ name: 'Ms. Ana Wu', handle: 'ana-wu', profile: { maxOpen: 25 } });
    expect(await t.store.findPasswordHash(ana.id)).toBeNull();
    const reps = await ok<AdminRep[]>('GET', '/reps');
    expect(reps.find((r) => r.id === ana.id)).toEqual(ana);

    const changed = await ok<AdminRep>(
      'PUT',
      `/reps/${ana.id}`,
      repInput({
        title: 'Head of Export',
        role: 'admin',
        profile: { ...ana.profile, hours: null, away: true },
      }),
    );
    expect(changed).toMatchObject({
      title: 'Head of Export',
      role: 'admin',
      profile: { away: true, hours: null },
    });
    expect((await ok<AdminRep[]>('GET', '/reps')).find((r) => r.id === ana.id)).toEqual(changed);
  });

  it('creates, changes and deletes a team', async () => {
    const ana = await ok<AdminRep>('POST', '/reps', repInput(), 201);
    const team = await ok<AdminTeam>(
      'POST',
      '/teams',
      { name: 'Valves', distribution: 'round-robin', memberIds: [moore.id, ana.id] },
      201,
    );
    expect(await ok<AdminTeam[]>('GET', '/teams')).toEqual([team]);
    const changed = await ok<AdminTeam>('PUT', `/teams/${team.id}`, {
      name: 'Valves EU',
      distribution: 'least-open',
      memberIds: [ana.id],
    });
    expect(changed).toEqual({
      id: team.id,
      name: 'Valves EU',
      distribution: 'least-open',
      memberIds: [ana.id],
    });
    expect((await call('DELETE', `/teams/${team.id}`)).status).toBe(204);
    expect(await ok<AdminTeam[]>('GET', '/teams')).toEqual([]);
  });

  it('replaces the rules in order, keeping the ids it is given', async () => {
    const team = await ok<AdminTeam>(
      'POST',
      '/teams',
      { name: 'Valves', distribution: 'round-robin', memberIds: [moore.id] },
      201,
    );
    const first = await ok<AdminRule[]>('PUT', '/rules', {
      rules: [
        { name: 'Ball valves', match: { sku: 'BV-*' }, target: { teamId: team.id } },
        {
          name: 'Spanish',
          match: { languages: ['es'], countries: ['LATAM'] },
          target: { repId: moore.id },
        },
      ],
    });
    expect(first.map((r) => r.name)).toEqual(['Ball valves', 'Spanish']);
    const [valves, spanish] = first;
    if (!valves || !spanish) throw new Error('two rules expected');
    const swapped = await ok<AdminRule[]>('PUT', '/rules', { rules: [spanish, valves] });
    expect(swapped).toEqual([spanish, valves]);
    expect(await ok<AdminRule[]>('GET', '/rules')).toEqual([spanish, valves]);
  });

  it("gets 404 for another site's rep and team", async () => {
    const other = await addRep(t, { email: 'zed@other.example', siteKey: 'other' });
    await t.store.saveTeam({
      id: 'team-other',
      siteId: other.siteId,
      name: 'Other',
      distribution: 'round-robin',
      memberIds: [other.id],
    });
    const before = await snapshot();
    const team = { name: 'Mine now', distribution: 'round-robin', memberIds: [] };
    for (const [method, path, body] of [
      ['PUT', `/reps/${other.id}`, repInput({ email: other.email, handle: other.handle })],
      ['PUT', '/teams/team-other', team],
      ['DELETE', '/teams/team-other', undefined],
    ] as const) {
      expect((await refused(method, path, body, 404)).code).toBe('NOT_FOUND');
    }
    expect(await snapshot()).toEqual(before);
    expect((await t.store.listTeams(other.siteId))[0]?.name).toBe('Other');
  });
});
