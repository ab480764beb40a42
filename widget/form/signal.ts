/**
 * The form's state cells: `signal(value)` with `.value` and `.peek()`, `effect()` and `batch()`,
 * the part of @preact/signals' API the form uses, in well under 1 KB (the library with its
 * Preact integration is ~3 KB brotli, a sixth of the widget's 18 KB budget).
 *
 * Rendering is the one difference: components do not subscribe one by one. Any change
 * re-renders the dialog from its root (`onChange`, see index.tsx), which for a form of a dozen
 * fields costs less than the bookkeeping would.
 */

type Listener = () => void;

let reads: Set<Signal<unknown>> | null = null;
let batchDepth = 0;
const queued = new Set<Listener>();
const changeListeners = new Set<Listener>();

function flush(): void {
  if (batchDepth > 0) return;
  // A listener may write again: drain until nothing is left.
  while (queued.size > 0) {
    const listeners = [...queued];
    queued.clear();
    for (const listener of listeners) listener();
  }
}

export class Signal<T> {
  /** Effects reading this signal. */
  declare readonly listeners: Set<Listener>;
  declare private current: T;

  // Assigned here, not as class fields or a #private one: the build would add helpers for them.
  constructor(value: T) {
    this.current = value;
    this.listeners = new Set();
  }

  get value(): T {
    reads?.add(this as Signal<unknown>);
    return this.current;
  }

  set value(next: T) {
    if (Object.is(next, this.current)) return;
    this.current = next;
    for (const listener of this.listeners) queued.add(listener);
    for (const listener of changeListeners) queued.add(listener);
    flush();
  }

  /** The value, without making the running effect depend on it. */
  peek(): T {
    return this.current;
  }
}

export const signal = <T>(value: T): Signal<T> => new Signal(value);

/** Runs `fn` with writes held back; effects and re-renders run once at the end. */
export function batch<T>(fn: () => T): T {
  batchDepth++;
  try {
    return fn();
  } finally {
    batchDepth--;
    flush();
  }
}

/**
 * Runs `fn` now and again whenever a signal it read changes; `fn` may return a cleanup, run
 * before the next run and on disposal. Returns the disposer.
 */
export function effect(fn: () => void | (() => void)): () => void {
  let cleanup: void | (() => void);
  let sources = new Set<Signal<unknown>>();
  let disposed = false;
  const run = () => {
    if (disposed) return;
    if (typeof cleanup === 'function') cleanup();
    for (const source of sources) source.listeners.delete(run);
    const outer = reads;
    reads = new Set();
    try {
      cleanup = fn();
    } finally {
      sources = reads;
      reads = outer;
    }
    for (const source of sources) source.listeners.add(run);
  };
  run();
  return () => {
    disposed = true;
    for (const source of sources) source.listeners.delete(run);
    if (typeof cleanup === 'function') cleanup();
  };
}

/** Calls `listener` after any signal changes (once per batch); returns the disposer. */
export function onChange(listener: Listener): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}
