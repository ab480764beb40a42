import { describe, expect, it } from 'vitest';
import { createLogger, type LogLevel } from './log';

const at = new Date('2026-11-29T08:00:00.000Z');

function capture(level: LogLevel = 'debug') {
  const lines: string[] = [];
  const logger = createLogger({ level, clock: () => at, write: (line) => lines.push(line) });
  return { logger, lines, parsed: () => lines.map((l) => JSON.parse(l) as unknown) };
}

describe('createLogger', () => {
  it('writes one JSON object per line: time, level, msg, then the fields in order', () => {
    const { logger, lines } = capture();
    logger.info('request', { id: 'r-1', status: 200, ms: 0.4, path: '/a"b\\c\n' });
    expect(lines).toEqual([
      '{"time":"2026-11-29T08:00:00.000Z","level":"info","msg":"request","id":"r-1",' +
        '"status":200,"ms":0.4,"path":"/a\\"b\\\\c\\n"}',
    ]);
  });

  it('drops lines below its level and writes nothing when silent', () => {
    const warn = capture('warn');
    warn.logger.debug('d');
    warn.logger.info('i');
    warn.logger.warn('w');
    warn.logger.error('e');
    expect(warn.parsed()).toEqual([
      expect.objectContaining({ level: 'warn', msg: 'w' }),
      expect.objectContaining({ level: 'error', msg: 'e' }),
    ]);
    const silent = capture('silent');
    silent.logger.error('e');
    expect(silent.lines).toEqual([]);
  });

  it("adds a child's fields to every line; a line's own fields win over them", () => {
    const { logger, parsed } = capture();
    const child = logger.child({ component: 'outbox', attempt: 1 });
    child.info('sent', { attempt: 2, kind: 'visitor-reply' });
    child.info('idle');
    expect(parsed()).toEqual([
      {
        time: at.toISOString(),
        level: 'info',
        msg: 'sent',
        component: 'outbox',
        attempt: 2,
        kind: 'visitor-reply',
      },
      { time: at.toISOString(), level: 'info', msg: 'idle', component: 'outbox', attempt: 1 },
    ]);
  });

  it('never lets a field overwrite time, level or msg, and leaves undefined fields out', () => {
    const { logger, lines, parsed } = capture();
    logger.warn('real', {
      msg: 'forged',
      level: 'debug',
      time: 'then',
      gone: undefined,
      kept: null,
    });
    expect(parsed()).toEqual([{ time: at.toISOString(), level: 'warn', msg: 'real', kept: null }]);
    // Each key once: a parser that keeps the first or the last of a repeated key agrees.
    expect(lines[0]?.match(/"msg"/g)).toHaveLength(1);
  });

  it('writes an error as its name, message, stack and cause, also nested', () => {
    const { logger, parsed } = capture();
    const cause = new TypeError('socket closed');
    logger.error('delivery failed', {
      err: new Error('send failed', { cause }),
      ctx: { inner: cause },
    });
    const [line] = parsed() as Array<Record<string, Record<string, unknown>>>;
    expect(line?.err).toMatchObject({
      name: 'Error',
      message: 'send failed',
      cause: { name: 'TypeError', message: 'socket closed' },
    });
    expect(String(line?.err?.stack)).toContain('send failed');
    expect(line?.ctx?.inner).toMatchObject({ name: 'TypeError', message: 'socket closed' });
  });
});
