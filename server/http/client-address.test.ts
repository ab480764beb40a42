import type { Context } from 'hono';
import { describe, expect, it } from 'vitest';
import { createClientAddress, limitKeyOf } from './client-address';

// A stand-in for the Node request Hono's node-server puts in `c.env.incoming`.
const request = (remoteAddress: string, forwardedFor?: string) =>
  ({
    env: {
      incoming: {
        socket: { remoteAddress },
        connection: { remoteAddress },
        headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
      },
    },
  }) as unknown as Context;

describe('createClientAddress', () => {
  it('believes the socket, not X-Forwarded-For, by default', () => {
    expect(createClientAddress()(request('203.0.113.7', '198.51.100.1'))).toBe('203.0.113.7');
  });

  it('believes X-Forwarded-For from trusted proxies only, hop by hop', () => {
    const behindLoopback = createClientAddress(['loopback']);
    expect(behindLoopback(request('127.0.0.1', '198.51.100.1'))).toBe('198.51.100.1');
    expect(behindLoopback(request('203.0.113.7', '198.51.100.1'))).toBe('203.0.113.7');
    const cidr = createClientAddress(['10.0.0.0/8']);
    expect(cidr(request('10.1.2.3', '198.51.100.1, 10.9.9.9'))).toBe('198.51.100.1');
    expect(cidr(request('10.1.2.3', '198.51.100.1, 203.0.113.9'))).toBe('203.0.113.9');
  });

  it('counts an IPv6 client by its /64, which one host or home has whole', () => {
    const behindLoopback = createClientAddress(['loopback']);
    const a = behindLoopback(request('::1', '2001:db8:1:2:aaaa::1'));
    const b = behindLoopback(request('::1', '2001:db8:1:2:bbbb:cccc:dddd:eeee'));
    expect(a).toBe('2001:db8:1:2::/64');
    expect(b).toBe(a);
    expect(behindLoopback(request('::1', '2001:db8:1:3::1'))).not.toBe(a);
  });

  it('says "local" for in-process requests', () => {
    expect(createClientAddress()({ env: undefined } as unknown as Context)).toBe('local');
  });
});

describe('limitKeyOf', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:DB8:0:0:1::1', '2001:db8:0:0::/64'],
    ['local', 'local'],
  ])('%s -> %s', (address, key) => {
    expect(limitKeyOf(address)).toBe(key);
  });
});
