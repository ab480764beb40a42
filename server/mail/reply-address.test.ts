import { describe, expect, it } from 'vitest';
import { replyAddress, tokenFromAddress } from './reply-address';

const TOKEN = 'abcdefghijklmnopqrstuvwxyz';
const DOMAIN = 'in.liaison.example';

describe('replyAddress', () => {
  it('puts the token after reply+ at the inbound domain', () => {
    expect(replyAddress(TOKEN, DOMAIN)).toBe(`reply+${TOKEN}@${DOMAIN}`);
  });

  it('round-trips through tokenFromAddress', () => {
    expect(tokenFromAddress(replyAddress('a2b3c4d5e6f7g2h3i4j5k6l7m2', DOMAIN), DOMAIN)).toBe(
      'a2b3c4d5e6f7g2h3i4j5k6l7m2',
    );
  });
});

describe('tokenFromAddress', () => {
  it('reads the token of a reply address', () => {
    expect(tokenFromAddress(`reply+${TOKEN}@${DOMAIN}`, DOMAIN)).toBe(TOKEN);
  });

  it('ignores the case of the domain, the prefix and the token', () => {
    expect(tokenFromAddress(`Reply+${TOKEN.toUpperCase()}@IN.Liaison.EXAMPLE`, DOMAIN)).toBe(TOKEN);
    expect(tokenFromAddress(`reply+${TOKEN}@${DOMAIN}`, 'IN.LIAISON.EXAMPLE')).toBe(TOKEN);
  });

  it.each([
    ['another domain', `reply+${TOKEN}@liaison.example`],
    ['a subdomain of ours', `reply+${TOKEN}@x.${DOMAIN}`],
    ['a domain that merely ends like ours', `reply+${TOKEN}@evil${DOMAIN}`],
    ['no prefix', `${TOKEN}@${DOMAIN}`],
    ['another prefix', `replies+${TOKEN}@${DOMAIN}`],
    ['a token one character short', `reply+${TOKEN.slice(1)}@${DOMAIN}`],
    ['a token one character long', `reply+${TOKEN}a@${DOMAIN}`],
    ['digits outside base32', `reply+${TOKEN.slice(2)}01@${DOMAIN}`],
    ['a second tag', `reply+${TOKEN}+x@${DOMAIN}`],
    ['angle brackets', `<reply+${TOKEN}@${DOMAIN}>`],
    ['no domain', `reply+${TOKEN}`],
    ['an empty address (a bounce)', ''],
  ])('returns null for %s', (_name, address) => {
    expect(tokenFromAddress(address, DOMAIN)).toBeNull();
  });
});
