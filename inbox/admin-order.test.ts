import { describe, expect, it } from 'vitest';
import { moveItem } from './admin-order';

describe('moveItem', () => {
  it.each([
    [1, -1, ['b', 'a', 'c']],
    [1, 1, ['a', 'c', 'b']],
    [0, -1, ['a', 'b', 'c']],
    [2, 1, ['a', 'b', 'c']],
  ] as const)('moves index %i by %i', (index, by, expected) => {
    expect(moveItem(['a', 'b', 'c'], index, by)).toEqual(expected);
  });
});
