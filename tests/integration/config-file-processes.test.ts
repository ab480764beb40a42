import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyConfig } from '../support/config-file';
import { createTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-database';

// Several server processes starting together on one PostgreSQL each apply liaison.config.json:
// one after the other, so that each finds what the one before created.

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const file = {
  sites: [
    {
      key: 'valves',
      name: 'Hengda Valves',
      reps: [
        { email: 'ana@hengda.example', name: 'Ms. Ana Wu' },
        { email: 'bo@hengda.example', name: 'Mr. Bo Li' },
      ],
      teams: [{ name: 'Sales', members: ['ana@hengda.example', 'bo@hengda.example'] }],
      defaultTeam: 'Sales',
      webhooks: [
        { url: 'https://hooks.example.com/crm', events: ['inquiry.created'] },
        { url: 'https://hooks.example.com/erp', events: ['inquiry.assigned'] },
      ],
    },
  ],
};

describe('liaison.config.json applied by processes starting together', () => {
  // Several processes share PostgreSQL only (SQLite serves one).
  it.runIf(TEST_ENGINE === 'postgres')(
    'creates each site, rep, team and webhook once, and every process starts',
    async () => {
      const processes = [t, { ...t, ...t.anotherProcess() }, { ...t, ...t.anotherProcess() }];
      const applied = await Promise.allSettled(processes.map((p) => applyConfig(p, file)));
      expect(applied.map((a) => a.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);

      const site = await t.store.findSiteByKey('valves');
      const webhooks = await t.store.listWebhooks(site?.id ?? '');
      expect(webhooks.map((w) => w.url).sort()).toEqual([
        'https://hooks.example.com/crm',
        'https://hooks.example.com/erp',
      ]);
      expect((await t.store.listTeams(site?.id ?? '')).map((team) => team.name)).toEqual(['Sales']);
      const reps = await t.store.listReps(site?.id ?? '');
      expect(reps.map((r) => r.email).sort()).toEqual(['ana@hengda.example', 'bo@hengda.example']);
      const sites = await t.store.listSites();
      expect(sites.filter((s) => s.key === 'valves')).toHaveLength(1);
    },
  );
});
