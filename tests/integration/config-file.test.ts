import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigFileError, readConfigFile } from '../../server/config-file';
import { RULES_MAX } from '../../contract/limits';
import { applyConfigFile } from '../../server/domain/apply-config';
import { applyConfig } from '../support/config-file';
import { ROOT, createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const deps = () => ({ store: t.store, newId: t.newId, clock: () => t.now.value });
const EXAMPLE = join(ROOT, 'demo/two-rep.config.json');

const apply = (content: unknown) => applyConfig(t, content);

describe('liaison.config.json', () => {
  it('applies the example two-rep site, and applying it again changes nothing', async () => {
    const file = readConfigFile(EXAMPLE);
    if (!file) throw new Error('example missing');
    expect(await applyConfigFile(deps(), file, EXAMPLE)).toEqual([
      'site demo: 2 reps, 1 teams, 2 rules, 1 webhooks',
    ]);
    const site = await t.store.findSiteByKey('demo');
    const reps = await t.store.listReps(site?.id ?? '');
    expect(reps.map((r) => r.email).sort()).toEqual([
      'ana.wu@example.com',
      'moore.liu@example.com',
    ]);
    const teams = await t.store.listTeams(site?.id ?? '');
    expect(teams).toMatchObject([
      { name: 'Sales', memberIds: [expect.any(String), expect.any(String)] },
    ]);
    const rules = await t.store.listRules(site?.id ?? '');
    expect(rules.map((r) => r.name)).toEqual(['gate valves', 'Spanish speakers']);
    expect((await t.store.findSiteSettings(site?.id ?? ''))?.defaultTeamId).toBe(teams[0]?.id);

    await applyConfigFile(deps(), file, EXAMPLE);
    expect(await t.store.listReps(site?.id ?? '')).toHaveLength(2);
    expect(await t.store.listTeams(site?.id ?? '')).toHaveLength(1);
    expect(await t.store.listWebhooks(site?.id ?? '')).toMatchObject([{ active: false }]);
    expect((await t.store.listRules(site?.id ?? '')).map((r) => r.name)).toEqual([
      'gate valves',
      'Spanish speakers',
    ]);
  });

  it('is optional', () => {
    expect(readConfigFile(join(tmpdir(), 'no-such-liaison.config.json'))).toBeNull();
  });

  it('names a file it cannot read, without a stack trace', () => {
    // A directory stands in for a file kept private to another user: both fail to read.
    const path = mkdtempSync(join(tmpdir(), 'liaison-config-dir-'));
    expect(() => readConfigFile(path)).toThrow(ConfigFileError);
    expect(() => readConfigFile(path)).toThrow(new RegExp(`^${path}: cannot be read: `));
  });

  const site = (over: Record<string, unknown>) => ({
    sites: [{ key: 'demo', name: 'Hengda', ...over }],
  });
  it.each([
    ['{ not json', /not valid JSON/],
    [{ sites: [{ key: 'demo' }] }, /sites\[0\]\.name: required/],
    [site({ colour: 'red' }), /sites\[0\]: unknown field\(s\) colour/],
    [site({ reps: [{ email: 'x', name: 'X' }] }), /sites\[0\]\.reps\[0\]\.email/],
    [site({ allowedOrigins: ['*'] }), /sites\[0\]\.allowedOrigins\[0\]/],
    [
      site({ reps: [{ email: 'a@b.co', name: 'A', photoUrl: 'https://cdn example.com/a.png' }] }),
      /sites\[0\]\.reps\[0\]\.photoUrl: an http\(s\) URL/,
    ],
    [
      site({ reps: [{ email: 'a@b.co', name: 'A', photoUrl: 'javascript:alert(1)' }] }),
      /sites\[0\]\.reps\[0\]\.photoUrl/,
    ],
    [
      site({ reps: [{ email: 'a@b.co', name: 'A', hours: { timezone: 'Mars/Base', days: {} } }] }),
      /sites\[0\]\.reps\[0\].*time ?zone/i,
    ],
    [
      site({
        reps: [
          {
            email: 'a@b.co',
            name: 'A',
            hours: { timezone: 'UTC', days: { mon: [['18:00', '09:00']] } },
          },
        ],
      }),
      /sites\[0\]\.reps\[0\]\.hours\.days\.mon\[0\]: A period must end after it starts/,
    ],
    [
      site({ teams: [{ name: 'T', members: ['ghost@example.com'] }] }),
      /sites\[0\]\.teams\[0\]\.members\[0\]: no rep ghost@example.com/,
    ],
    [
      site({ rules: [{ name: 'r', match: {}, to: { team: 'Valves' } }] }),
      /sites\[0\]\.rules\[0\]\.to\.team: no team named "Valves"/,
    ],
    [site({ defaultRep: 'ghost@example.com' }), /sites\[0\]\.defaultRep: no rep ghost@example.com/],
    [
      site({ reps: [{ email: 'a@b.co', name: 'A', countries: ['US', 'NA'] }] }),
      /sites\[0\]\.reps\[0\]\.countries: NA is ambiguous: write "Namibia" or "North America"/,
    ],
    [
      site({ rules: [{ name: 'r', match: { countries: ['na'] }, to: { rep: 'a@b.co' } }] }),
      /sites\[0\]\.rules\[0\]\.match\.countries: NA is ambiguous/,
    ],
  ])('refuses %j naming the entry', async (content, message) => {
    await expect(apply(content)).rejects.toThrow(ConfigFileError);
    await expect(apply(content)).rejects.toThrow(message);
  });

  it('refuses more rules than the admin page can save back', async () => {
    const rule = { match: {}, to: { rep: 'moore.liu@example.com' } };
    const rules = Array.from({ length: RULES_MAX + 1 }, (_, i) => ({ name: `r${i}`, ...rule }));
    await expect(apply(site({ rules }))).rejects.toThrow(/sites\[0\]\.rules: .*200/);
    await apply(site({ rules: rules.slice(0, RULES_MAX) }));
  });

  it('refuses a rep of another site', async () => {
    await apply({
      sites: [{ key: 'other', name: 'Other', reps: [{ email: 'ana@x.example', name: 'Ana' }] }],
    });
    await expect(apply(site({ reps: [{ email: 'ana@x.example', name: 'Ana' }] }))).rejects.toThrow(
      /sites\[0\]\.reps\[0\]\.email: ana@x\.example is already a rep of another site/,
    );
  });

  it('takes an empty photo address as no photo, as it always has', async () => {
    await apply({
      sites: [
        {
          key: 'demo',
          name: 'Hengda',
          reps: [{ email: 'moore.liu@example.com', name: 'Mr. Moore Liu', photoUrl: '' }],
        },
      ],
    });
    const moore = await t.store.findRepByEmail('moore.liu@example.com');
    expect(moore?.photoUrl ?? '').toBe('');
  });

  it('sets what the file says of proof-of-work', async () => {
    await apply({ sites: [{ key: 'demo', name: 'Hengda', proofOfWork: 'on' }] });
    const demo = await t.store.findSiteByKey('demo');
    expect((await t.store.findSiteSettings(demo?.id ?? ''))?.proofOfWork).toBe('on');
    // Left out, it stays as it is.
    await apply({ sites: [{ key: 'demo', name: 'Hengda' }] });
    expect((await t.store.findSiteSettings(demo?.id ?? ''))?.proofOfWork).toBe('on');
  });

  it('finds its team however an admin has since changed the capitals of its name', async () => {
    const file = {
      sites: [
        {
          key: 'demo',
          name: 'Hengda',
          reps: [{ email: 'moore.liu@example.com', name: 'Mr. Moore Liu', role: 'admin' }],
          teams: [{ name: 'Sales', members: ['moore.liu@example.com'] }],
          defaultTeam: 'Sales',
        },
      ],
    };
    await apply(file);
    const demo = await t.store.findSiteByKey('demo');
    const [team] = await t.store.listTeams(demo?.id ?? '');
    await t.store.saveTeam({ ...team!, name: 'SALES' });
    await apply(file);
    const teams = await t.store.listTeams(demo?.id ?? '');
    expect(teams.map((x) => [x.id, x.name])).toEqual([[team?.id, 'Sales']]);
  });
});
