import { expect, test, vi } from 'vitest';
import { installNamespace } from './namespace';

// What the copy-paste stub snippet leaves behind: a function whose `q` holds `arguments`.
function stubbedWindow(): { liaison?: unknown } {
  const q: IArguments[] = [];
  function liaison() {
    q.push(arguments);
  }
  return { liaison: Object.assign(liaison, { q }) };
}

const call = (win: { liaison?: unknown }, ...args: unknown[]) => {
  if (typeof win.liaison !== 'function') throw new Error('window.liaison is not a function');
  win.liaison(...args);
};

test('replays calls queued by a stub, then serves live calls', () => {
  const win = stubbedWindow();
  call(win, 'open', { product: { name: 'Valve' } });
  call(win, 'close');
  const run = vi.fn();
  installNamespace(win)?.start(run);
  expect(run.mock.calls).toEqual([['open', { product: { name: 'Valve' } }], ['close']]);
  call(win, 'open');
  expect(run).toHaveBeenLastCalledWith('open');
});

test('passes on every argument, queued or live (`on` takes an event and a handler)', () => {
  const win = stubbedWindow();
  const handler = () => {};
  call(win, 'on', 'sent', handler);
  const run = vi.fn();
  installNamespace(win)?.start(run);
  call(win, 'on', 'open', handler);
  expect(run.mock.calls).toEqual([
    ['on', 'sent', handler],
    ['on', 'open', handler],
  ]);
});

test('queues calls made before the widget is ready', () => {
  const win: { liaison?: unknown } = {};
  const namespace = installNamespace(win);
  call(win, 'open');
  const run = vi.fn();
  namespace?.start(run);
  expect(run).toHaveBeenCalledWith('open');
});

test('a second copy of the script does nothing', () => {
  const win: { liaison?: unknown } = {};
  expect(installNamespace(win)).not.toBeNull();
  const installed = win.liaison;
  expect(installNamespace(win)).toBeNull();
  expect(win.liaison).toBe(installed);
});

test('a throwing command is logged, never thrown to the page', () => {
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  const win: { liaison?: unknown } = {};
  installNamespace(win)?.start(() => {
    throw new Error('boom');
  });
  expect(() => call(win, 'open')).not.toThrow();
  expect(error).toHaveBeenCalledWith('[liaison]', expect.any(Error));
  error.mockRestore();
});
