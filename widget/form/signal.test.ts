import { describe, expect, it } from 'vitest';
import { batch, effect, onChange, signal } from './signal';

describe('signal', () => {
  it('re-runs an effect when a signal it read changes, and not for one it only peeked', () => {
    const read = signal(1);
    const peeked = signal('a');
    const seen: string[] = [];
    const dispose = effect(() => {
      seen.push(`${read.value}${peeked.peek()}`);
    });
    peeked.value = 'b';
    read.value = 2;
    read.value = 2; // the same value: nothing changes
    dispose();
    read.value = 3;
    expect(seen).toEqual(['1a', '2b']);
  });

  it('runs the cleanup before each re-run and on disposal', () => {
    const open = signal(false);
    const log: string[] = [];
    const dispose = effect(() => {
      const state = open.value ? 'open' : 'closed';
      log.push(state);
      return () => log.push(`end ${state}`);
    });
    open.value = true;
    dispose();
    expect(log).toEqual(['closed', 'end closed', 'open', 'end open']);
  });

  it('tracks only what the latest run read', () => {
    const which = signal<'a' | 'b'>('a');
    const a = signal(0);
    const b = signal(0);
    let runs = 0;
    effect(() => {
      runs++;
      return void (which.value === 'a' ? a.value : b.value);
    });
    which.value = 'b';
    a.value = 1; // no longer read
    b.value = 1;
    expect(runs).toBe(3);
  });

  it('batches writes: effects and change listeners run once, after the batch', () => {
    const x = signal(0);
    const y = signal(0);
    const sums: number[] = [];
    let changes = 0;
    const stop = onChange(() => changes++);
    effect(() => {
      sums.push(x.value + y.value);
    });
    batch(() => {
      x.value = 1;
      y.value = 2;
      expect(sums).toEqual([0]);
    });
    stop();
    x.value = 5;
    expect(sums).toEqual([0, 3, 7]);
    expect(changes).toBe(1);
  });

  it('lets an effect write a signal another effect reads', () => {
    const source = signal(1);
    const doubled = signal(0);
    const seen: number[] = [];
    effect(() => {
      doubled.value = source.value * 2;
    });
    effect(() => {
      seen.push(doubled.value);
    });
    source.value = 4;
    expect(seen).toEqual([2, 8]);
  });
});
