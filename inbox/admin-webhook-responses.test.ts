import { describe, expect, it } from 'vitest';
import { readAdminWebhook, readTestQueued, readWebhookSecret } from './admin-webhook-responses';

const hook = {
  id: 'w1',
  url: 'https://hooks.example.com/x',
  format: 'slack',
  events: ['inquiry.created', 'inquiry.deleted'],
  active: true,
  signed: false,
  createdAt: '2026-11-29T08:00:00.000Z',
};

describe('webhook answers', () => {
  it('reads a webhook, dropping events it does not know', () => {
    expect(readAdminWebhook(hook)).toEqual({ ...hook, events: ['inquiry.created'] });
  });

  it('refuses a webhook without its id, URL or a known format', () => {
    expect(readAdminWebhook({ ...hook, id: 1 })).toBeNull();
    expect(readAdminWebhook({ ...hook, url: undefined })).toBeNull();
    expect(readAdminWebhook({ ...hook, format: 'teams' })).toBeNull();
  });

  it('reads a secret only with its webhook', () => {
    expect(readWebhookSecret({ webhook: hook, secret: 'whsec_x' })?.secret).toBe('whsec_x');
    expect(readWebhookSecret({ webhook: null, secret: 'whsec_x' })).toBeNull();
    expect(readWebhookSecret({ webhook: hook })).toBeNull();
    expect(readTestQueued({ deliveryId: 'd1' })).toBe('d1');
    expect(readTestQueued({})).toBeNull();
  });
});
