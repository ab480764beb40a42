import { describe, expect, it } from 'vitest';
import type { AdminRule } from '../contract/admin';
import { emptyDraft, fromDraft, toDraft } from './admin-rules';

describe('rule drafts', () => {
  const rule: AdminRule = {
    id: 'r1',
    name: 'Ball valves to LATAM',
    match: { sku: 'BV-*', countries: ['MX', 'LATAM'], languages: ['es'] },
    target: { teamId: 't1' },
  };

  it('round-trip a saved rule', () => {
    expect(fromDraft(toDraft(rule))).toEqual(rule);
  });

  it('leave out empty conditions and trim the rest', () => {
    const draft = {
      ...emptyDraft('k'),
      name: 'All',
      pageUrl: ' https://x.example/* ',
      countries: ' , ',
      target: 'rep:a',
    };
    expect(fromDraft(draft)).toEqual({
      name: 'All',
      match: { pageUrl: 'https://x.example/*' },
      target: { repId: 'a' },
    });
  });

  it('send an unchosen target as an empty rep id, for the server to name', () => {
    expect(fromDraft(emptyDraft('k')).target).toEqual({ repId: '' });
  });
});
