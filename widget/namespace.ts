import { guard } from './guard';

/** One call of `liaison(name, options)`, queued or live. */
export type Command = (name: unknown, options?: unknown) => void;

/** Our `window.liaison`; `loaded` tells a second copy of the script that we are here. */
export interface Liaison extends Command {
  loaded: true;
}

/** Lets the widget start serving `liaison()` calls once it can, replaying the queued ones. */
export interface Namespace {
  start(run: Command): void;
}

const argsOf = (call: unknown): [unknown, unknown] | null =>
  typeof call === 'object' && call !== null && typeof Reflect.get(call, 'length') === 'number'
    ? [Reflect.get(call, 0), Reflect.get(call, 1)]
    : null;

/**
 * Installs `window.liaison`, the only global the widget defines. A stub snippet may already
 * have queued calls in `liaison.q` (each an `arguments` object); they run first, in order.
 * Returns null when our script already runs on this page (included twice).
 */
export function installNamespace(win: { liaison?: unknown }): Namespace | null {
  const existing = win.liaison;
  if (typeof existing === 'function' && Reflect.get(existing, 'loaded') === true) return null;
  const stubQueue: unknown = typeof existing === 'function' ? Reflect.get(existing, 'q') : null;
  const queue: [unknown, unknown][] = [];
  const calls: unknown[] = Array.isArray(stubQueue) ? stubQueue : [];
  for (const call of calls) {
    const args = argsOf(call);
    if (args) queue.push(args);
  }
  let run: Command | null = null;
  const liaison: Liaison = Object.assign(
    guard((name: unknown, options?: unknown) => {
      if (run) run(name, options);
      else queue.push([name, options]);
    }),
    { loaded: true as const },
  );
  win.liaison = liaison;
  return {
    start(next) {
      run = next;
      for (const [name, options] of queue.splice(0)) guard(next)(name, options);
    },
  };
}
