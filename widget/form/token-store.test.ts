import { describe, expect, test } from 'vitest';
import { memoryStorage } from './memory-storage';
import { createTokenStore, tokenKey } from './token-store';

describe('createTokenStore', () => {
  test('keeps one token per site under its own key', () => {
    const storage = memoryStorage();
    const demo = createTokenStore({ site: 'demo', storage: () => storage });
    const other = createTokenStore({ site: 'other', storage: () => storage });
    expect(demo.get()).toBeNull();
    expect(storage.items.size).toBe(0);
    demo.set('tok_demo');
    expect(storage.items.get('liaison:demo:conversation')).toBe('tok_demo');
    expect(other.get()).toBeNull();
    demo.clear();
    expect(demo.get()).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  test('reads what another tab stored', () => {
    const storage = memoryStorage();
    const store = createTokenStore({ site: 'demo', storage: () => storage });
    store.set('tok_1');
    storage.items.set(tokenKey('demo'), 'tok_2');
    expect(store.get()).toBe('tok_2');
  });

  test('without storage (blocked site data) the token lives in memory', () => {
    const store = createTokenStore({
      site: 'demo',
      storage: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    expect(store.get()).toBeNull();
    store.set('tok_1');
    expect(store.get()).toBe('tok_1');
    store.clear();
    expect(store.get()).toBeNull();
  });

  test('storage that refuses writes (private mode quota) falls back to memory', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    };
    const store = createTokenStore({ site: 'demo', storage: () => storage });
    store.set('tok_1');
    expect(store.get()).toBe('tok_1');
  });
});
