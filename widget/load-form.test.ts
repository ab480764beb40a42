import { expect, test, vi } from 'vitest';
import type { FormHandle, FormModule, FormOptions } from './form-api';
import { createFormLoader } from './load-form';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function fakeModule() {
  const handle: FormHandle = {
    open: vi.fn(),
    close: vi.fn(),
    add: vi.fn(),
    prefill: vi.fn(),
    on: vi.fn(),
  };
  const module: FormModule = { mountForm: vi.fn(() => handle) };
  return { handle, module };
}

test('imports and mounts the form once, however often it is wanted', async () => {
  const { handle, module } = fakeModule();
  const importModule = vi.fn(async () => module);
  const loader = createFormLoader({
    url: 'https://x/widget-form.js',
    options: () => ({}) as FormOptions,
    importModule,
  });
  loader.close(); // before any load: nothing to close, nothing loaded
  loader.preload();
  loader.open({ name: 'Ball valve' });
  loader.open();
  await settle();
  expect(importModule).toHaveBeenCalledTimes(1);
  expect(importModule).toHaveBeenCalledWith('https://x/widget-form.js');
  expect(module.mountForm).toHaveBeenCalledTimes(1);
  expect(handle.open).toHaveBeenNthCalledWith(1, { name: 'Ball valve' });
  expect(handle.open).toHaveBeenCalledTimes(2);
  loader.close();
  await settle();
  expect(handle.close).toHaveBeenCalledTimes(1);
});

test('after a failed import, the next intent tries again under a new URL', async () => {
  const { handle, module } = fakeModule();
  const importModule = vi
    .fn<(url: string) => Promise<FormModule>>()
    .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
    .mockResolvedValue(module);
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  const onOpenFailed = vi.fn();
  const loader = createFormLoader({
    url: 'https://x/widget-form.js',
    options: () => ({}) as FormOptions,
    onOpenFailed,
    importModule,
  });
  loader.open();
  await settle();
  expect(errors).toHaveBeenCalledWith('[liaison]', expect.any(TypeError));
  expect(onOpenFailed).toHaveBeenCalledTimes(1);
  loader.open();
  await settle();
  expect(importModule).toHaveBeenLastCalledWith('https://x/widget-form.js?retry=1');
  // A URL that names its version already gets the retry as one more parameter.
  const failing = vi.fn<(url: string) => Promise<FormModule>>().mockRejectedValue(new TypeError());
  const versioned = createFormLoader({
    url: 'https://x/widget-form.js?v=1a2b',
    options: () => ({}) as FormOptions,
    importModule: failing,
  });
  versioned.preload();
  await settle();
  versioned.preload();
  await settle();
  expect(failing.mock.calls).toEqual([
    ['https://x/widget-form.js?v=1a2b'],
    ['https://x/widget-form.js?v=1a2b&retry=1'],
  ]);
  expect(handle.open).toHaveBeenCalledTimes(1);
  expect(onOpenFailed).toHaveBeenCalledTimes(1);
  errors.mockRestore();
});

test('an open the form answers with a rejection (it could not mount) tells the visitor', async () => {
  const { handle, module } = fakeModule();
  vi.mocked(handle.open).mockRejectedValueOnce(new Error('no texts: NETWORK'));
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  const onOpenFailed = vi.fn();
  const loader = createFormLoader({
    url: 'https://x/widget-form.js',
    options: () => ({}) as FormOptions,
    onOpenFailed,
    importModule: async () => module,
  });
  loader.open();
  await settle();
  expect(errors).toHaveBeenCalledWith('[liaison]', expect.any(Error));
  expect(onOpenFailed).toHaveBeenCalledTimes(1);
  loader.open();
  await settle();
  expect(handle.open).toHaveBeenCalledTimes(2);
  expect(onOpenFailed).toHaveBeenCalledTimes(1);
  errors.mockRestore();
});

test('waits for options still on their way (the language pack) before mounting', async () => {
  const { module } = fakeModule();
  let arrive: (options: FormOptions) => void = () => {};
  const options = new Promise<FormOptions>((resolve) => (arrive = resolve));
  const loader = createFormLoader({
    url: 'https://x/widget-form.js',
    options: () => options,
    importModule: async () => module,
  });
  loader.open();
  await settle();
  expect(module.mountForm).not.toHaveBeenCalled();
  const ready = {} as FormOptions;
  arrive(ready);
  await settle();
  expect(module.mountForm).toHaveBeenCalledWith(ready);
});

test('whenMounted loads nothing, and runs before a pending open, or at once', async () => {
  const { handle, module } = fakeModule();
  const importModule = vi.fn(async () => module);
  const loader = createFormLoader({
    url: 'https://x/widget-form.js',
    options: () => ({}) as FormOptions,
    importModule,
  });
  const order: string[] = [];
  vi.mocked(handle.open).mockImplementation(() => {
    order.push('open');
  });
  loader.whenMounted(() => order.push('first'));
  await settle();
  expect(importModule).not.toHaveBeenCalled();
  loader.open();
  // Asked for after the open, still run before it: an `open` handler hears the first opening.
  loader.whenMounted(() => order.push('second'));
  await settle();
  expect(order).toEqual(['first', 'second', 'open']);
  loader.whenMounted((mounted) => mounted.prefill({ name: 'Anna' }));
  expect(handle.prefill).toHaveBeenCalledWith({ name: 'Anna' });
});
