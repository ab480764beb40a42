import { describe, expect, it } from 'vitest';
import { inquiryPath, parseRoute } from './router';

describe('parseRoute', () => {
  it('maps each path under /inbox to its screen', () => {
    expect(parseRoute('/inbox')).toEqual({ page: 'list' });
    expect(parseRoute('/inbox/')).toEqual({ page: 'list' });
    expect(parseRoute('/inbox/sign-in')).toEqual({ page: 'sign-in' });
    expect(parseRoute('/inbox/link')).toEqual({ page: 'link' });
    expect(parseRoute('/inbox/admin/')).toEqual({ page: 'admin' });
    expect(parseRoute('/inbox/inquiries/abc-1')).toEqual({ page: 'inquiry', id: 'abc-1' });
    expect(parseRoute('/inbox/inquiries/a%2Fb')).toEqual({ page: 'inquiry', id: 'a/b' });
  });

  it('knows what it does not know', () => {
    expect(parseRoute('/inbox/inquiries/%E0%A4%A')).toEqual({ page: 'not-found' });
    expect(parseRoute('/inbox/settings')).toEqual({ page: 'not-found' });
    expect(parseRoute('/inboxes')).toEqual({ page: 'not-found' });
  });

  it('round-trips ids through inquiryPath', () => {
    expect(parseRoute(inquiryPath('a/b c'))).toEqual({ page: 'inquiry', id: 'a/b c' });
  });
});
