import { describe, expect, it } from 'vitest';
import { createIdFactory } from './ids';

describe('createIdFactory', () => {
  it('makes version 7 UUIDs that sort in creation order, even within one millisecond', () => {
    const newId = createIdFactory(() => 1_700_000_000_000);
    const ids = Array.from({ length: 5000 }, newId);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps order when the clock steps back', () => {
    let t = 2_000;
    const newId = createIdFactory(() => t);
    const a = newId();
    t = 1_000;
    const b = newId();
    expect(b > a).toBe(true);
  });
});
