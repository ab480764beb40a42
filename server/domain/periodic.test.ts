import { describe, expect, it } from 'vitest';
import { createPeriodic } from './periodic';

describe('createPeriodic', () => {
  it('tells a failed run to its error sink, and runs again', async () => {
    const told: Array<[string, unknown]> = [];
    let runs = 0;
    const failure = new Error('database is locked');
    const periodic = createPeriodic(
      'retention',
      async () => {
        runs++;
        throw failure;
      },
      1,
      (message, err) => told.push([message, err]),
    );
    periodic.start();
    while (runs < 2) await new Promise((resolve) => setTimeout(resolve, 2));
    await periodic.stop();
    expect(told[0]).toEqual(['[retention] run failed; trying again next time', failure]);
  });

  it('runs first after `firstAfterMs`, then every `pollMs`', async () => {
    let runs = 0;
    const periodic = createPeriodic(
      'retention',
      async () => {
        runs++;
      },
      3_600_000,
      () => {},
      1,
    );
    periodic.start();
    while (runs < 1) await new Promise((resolve) => setTimeout(resolve, 2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await periodic.stop();
    expect(runs).toBe(1);
  });
});
