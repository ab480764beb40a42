import { describe, expect, it } from 'vitest';
import { countText, mailtoHref, timeAgo, visitorName, webHref } from './format';

describe('timeAgo', () => {
  const now = Date.parse('2026-11-29T12:00:00Z');
  const ago = (ms: number) => new Date(now - ms).toISOString();

  it('counts minutes, hours and days', () => {
    expect(timeAgo(ago(20_000), now)).toBe('just now');
    expect(timeAgo(ago(5 * 60_000), now)).toBe('5 min. ago');
    expect(timeAgo(ago(3 * 3600_000 + 59 * 60_000), now)).toBe('3 hr. ago');
    expect(timeAgo(ago(2 * 86400_000), now)).toBe('2 days ago');
  });

  it('reads a server clock slightly ahead as just now, and old ones as a date', () => {
    expect(timeAgo(ago(-30_000), now)).toBe('just now');
    expect(timeAgo('2026-01-05T10:00:00Z', now)).toBe('Jan 5, 2026');
    expect(timeAgo('not a date', now)).toBe('');
  });
});

describe('webHref', () => {
  it('keeps http(s) links and refuses every other scheme', () => {
    expect(webHref('https://hengda.example/p?a=1')).toBe('https://hengda.example/p?a=1');
    expect(webHref('http://x.example')).toBe('http://x.example/');
    expect(webHref('javascript:alert(1)')).toBeNull();
    expect(webHref(' JAVASCRIPT:alert(1)')).toBeNull();
    expect(webHref('data:text/html,<b>')).toBeNull();
    expect(webHref('/relative')).toBeNull();
    expect(webHref(null)).toBeNull();
  });
});

describe('mailtoHref', () => {
  it('cannot add headers of its own', () => {
    expect(mailtoHref('jane@buyer.example')).toBe('mailto:jane@buyer.example');
    expect(mailtoHref('a?cc=x@evil.example')).toBe('mailto:a%3Fcc%3Dx@evil.example');
  });
});

describe('visitorName', () => {
  it('falls back to the email', () => {
    expect(visitorName({ name: 'Jane', email: 'j@x.example' })).toBe('Jane');
    expect(visitorName({ name: '  ', email: 'j@x.example' })).toBe('j@x.example');
    expect(visitorName({ name: null, email: 'j@x.example' })).toBe('j@x.example');
  });
});

describe('countText', () => {
  it('shows the server cap as 99+', () => {
    expect(countText(3)).toBe('3');
    expect(countText(99)).toBe('99');
    expect(countText(100)).toBe('99+');
  });
});
