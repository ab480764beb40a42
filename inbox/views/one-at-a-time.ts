import { useRef } from 'preact/hooks';

/**
 * `run` as a handler that ignores calls while its last one is pending: a double click or a
 * held Enter saves once.
 */
export function useOneAtATime<A extends unknown[]>(
  run: (...args: A) => Promise<unknown>,
): (...args: A) => Promise<void> {
  const pending = useRef(false);
  return async (...args) => {
    if (pending.current) return;
    pending.current = true;
    try {
      await run(...args);
    } finally {
      pending.current = false;
    }
  };
}
