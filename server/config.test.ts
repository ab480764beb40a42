import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('has defaults that run a demo on a new machine', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 8787,
      databasePath: 'data/liaison.sqlite',
      publicUrl: 'http://localhost:8787',
      smtpUrl: null,
    });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('derives PUBLIC_URL from PORT and strips a trailing slash', () => {
    expect(loadConfig({ PORT: '9000' }).publicUrl).toBe('http://localhost:9000');
    expect(loadConfig({ PUBLIC_URL: 'https://chat.example.com/' }).publicUrl).toBe(
      'https://chat.example.com',
    );
  });

  it('accepts sqlite: URLs and plain paths', () => {
    expect(loadConfig({ DATABASE_URL: 'sqlite:///tmp/x.db' }).databasePath).toBe('/tmp/x.db');
    expect(loadConfig({ DATABASE_URL: './y.db' }).database).toEqual({
      engine: 'sqlite',
      path: './y.db',
    });
  });

  it('takes a postgres:// URL with a SECRET_KEY, and no SQLite path then', () => {
    const url = 'postgres://liaison:pw@db.internal:5432/liaison';
    const c = loadConfig({ DATABASE_URL: url, SECRET_KEY: 'k'.repeat(32) });
    expect(c.database).toEqual({ engine: 'postgres', url });
    expect(
      loadConfig({ DATABASE_URL: 'postgresql://db/x', SECRET_KEY: 'k'.repeat(32) }).database,
    ).toMatchObject({ engine: 'postgres' });
    // Scheme names are case-insensitive: not a SQLite folder named "Postgres:".
    expect(
      loadConfig({ DATABASE_URL: 'Postgres://db/x', SECRET_KEY: 'k'.repeat(32) }).database,
    ).toMatchObject({ engine: 'postgres' });
    expect(() => c.databasePath).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: url })).toThrow(/SECRET_KEY: required with PostgreSQL/);
    // The command line signs nothing.
    expect(loadConfig({ DATABASE_URL: url }, { needsSecret: false }).database.engine).toBe(
      'postgres',
    );
  });

  it('takes a log level and a metrics token, and names a bad one', () => {
    expect(loadConfig({}).logLevel).toBe('info');
    expect(loadConfig({}).metricsToken).toBeNull();
    const c = loadConfig({ LOG_LEVEL: 'warn', METRICS_TOKEN: 'm'.repeat(16) });
    expect(c).toMatchObject({ logLevel: 'warn', metricsToken: 'm'.repeat(16) });
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });

  it('takes the proxies to trust, and names an entry proxy-addr would not take', () => {
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,2001:db8::1' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      '2001:db8::1',
    ]);
    expect(loadConfig({}).trustProxy).toEqual([]);
    // Express reads 1 as a hop count; proxy-addr took it as the address 0.0.0.1.
    for (const value of ['1', 'true', '10.0.0.0/33', 'proxy.example']) {
      expect(() => loadConfig({ TRUST_PROXY: value }), value).toThrow(/TRUST_PROXY: each entry/);
    }
  });

  it('turns the inbound receiver on with a port and a domain', () => {
    expect(loadConfig({}).inbound).toBeNull();
    expect(loadConfig({}).inboundDomain).toBeNull();
    // A process that sends mail while another receives the replies: reply addresses all the same.
    expect(loadConfig({ INBOUND_DOMAIN: 'Reply.Example.com' })).toMatchObject({
      inboundDomain: 'reply.example.com',
      inbound: null,
    });
    expect(
      loadConfig({ SMTP_INBOUND_PORT: '2525', INBOUND_DOMAIN: 'Reply.Example.com' }).inbound,
    ).toEqual({
      port: 2525,
      domain: 'reply.example.com',
    });
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['SMTP_URL', 'http://mail'],
    ['PUBLIC_URL', 'not a url'],
    ['DATABASE_URL', 'postgres://[bad'],
    // Not a SQLite file named so.
    ['DATABASE_URL', 'mysql://u@db.example/liaison'],
    ['DATABASE_URL', 'postgress://db.example/liaison'],
    ['METRICS_TOKEN', 'correct horse battery staple'],
    ['SECRET_KEY', 'short'],
    ['SMTP_INBOUND_PORT', '2525'],
    ['INBOUND_DOMAIN', 'not a domain'],
  ])('names the bad variable %s=%s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });
});
