import { describe, expect, it } from 'vitest';
import { isPrivateAddress, webhookUrlProblem } from './webhook-address';

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    'not-an-address',
  ])('refuses %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])(
    'accepts %s',
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );
});

describe('webhookUrlProblem', () => {
  it('takes https to a public host', () => {
    expect(webhookUrlProblem('https://hooks.slack.com/services/T/B/X', false)).toBeNull();
  });

  it('refuses http, local and private hosts, and credentials, unless allowed', () => {
    expect(webhookUrlProblem('http://example.com/hook', false)).toMatch(/https/);
    expect(webhookUrlProblem('https://localhost/hook', false)).toMatch(/not a local/);
    expect(webhookUrlProblem('https://127.0.0.1:8443/hook', false)).toMatch(/not a local/);
    expect(webhookUrlProblem('https://[::1]/hook', false)).toMatch(/not a local/);
    expect(webhookUrlProblem('https://10.0.0.5/hook', false)).toMatch(/not a local/);
    expect(webhookUrlProblem('https://user:pw@example.com/', false)).toMatch(/password/);
    expect(webhookUrlProblem('ftp://example.com/', true)).toMatch(/https/);
    expect(webhookUrlProblem('http://127.0.0.1:9999/hook', true)).toBeNull();
  });
});
