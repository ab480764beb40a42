import type { FormHandle, FormModule, FormOptions } from './form-api';
import { guard, report } from './guard';

/** Opens and closes the form, loading its module the first time it is wanted. */
export interface FormLoader {
  /** Starts loading the form's module (on hover or focus), so a click finds it ready. */
  preload(): void;
  open(options?: Parameters<FormHandle['open']>[0]): void;
  /** Loads the form if need be and puts `product` in its basket. */
  add(product: Parameters<FormHandle['add']>[0]): void;
  close(): void;
  /**
   * Runs `use` on the mounted form, without loading it: at once when it is mounted, else right
   * after it mounts, before any pending open (so an `open` handler hears the first opening).
   */
  whenMounted(use: (handle: FormHandle) => void): void;
}

export interface FormLoaderOptions {
  /** Absolute URL of dist/widget-form.js (with its `?v=` version). */
  url: string;
  /** What the form needs (the language's pack may still be on its way), asked for on loading. */
  options: () => FormOptions | Promise<FormOptions>;
  /** Called when a visitor asked for the form and it could not be loaded (offline, blocked). */
  onOpenFailed?: () => void;
  /** Replaceable in tests: the dynamic import. */
  importModule?: (url: string) => Promise<FormModule>;
}

const importUrl = (url: string): Promise<FormModule> => import(/* @vite-ignore */ url);

/**
 * Stage two on intent: the form's module is imported on the first hover, focus or click, and
 * mounted once. A failed import is retried on the next intent under a new URL (browsers keep
 * a failed module fetch in their module map for the page's lifetime).
 */
export function createFormLoader({
  url,
  options,
  onOpenFailed = () => {},
  importModule = importUrl,
}: FormLoaderOptions): FormLoader {
  let form: Promise<FormHandle> | null = null;
  let failures = 0;
  let mounted: FormHandle | null = null;
  const waiting: ((handle: FormHandle) => void)[] = [];

  const load = (): Promise<FormHandle> =>
    (form ??= Promise.all([
      importModule(failures ? `${url}${url.includes('?') ? '&' : '?'}retry=${failures}` : url),
      options(),
    ])
      .then(([module, formOptions]) => {
        const handle = module.mountForm(formOptions);
        mounted = handle;
        for (const use of waiting.splice(0)) guard(use)(handle);
        return handle;
      })
      .catch((err: unknown) => {
        form = null;
        failures++;
        throw err;
      }));

  // The visitor clicked and must not be left with nothing: the next click tries again. (A form
  // that loaded but could not mount, for want of texts, answers `open` with a rejection.)
  const use = (act: (handle: FormHandle) => void | Promise<void>) =>
    load()
      .then(act)
      .catch((err: unknown) => {
        report(err);
        guard(onOpenFailed)();
      });

  return {
    preload() {
      load().catch(report);
    },
    open(product) {
      use((handle) => handle.open(product));
    },
    add(product) {
      use((handle) => handle.add(product));
    },
    close() {
      // Closing a form that never loaded is nothing to do.
      form?.then((handle) => handle.close()).catch(report);
    },
    whenMounted(use) {
      if (mounted) guard(use)(mounted);
      else waiting.push(use);
    },
  };
}
