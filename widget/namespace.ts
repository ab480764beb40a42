/*
 * The JavaScript API: `window.liaison(command, ...args)`.
 *
 * Calls made before the script has arrived are kept by this stub and run, in order, once it
 * has (put it before the widget's <script async>):
 *
 *   <script>
 *     window.liaison = window.liaison || function () { (liaison.q = liaison.q || []).push(arguments) };
 *   </script>
 *
 * liaison('open', { product })   Opens the inquiry form. `product` is optional:
 *                                { name, sku?, url?, image? }, as the data-product-* attributes.
 * liaison('add', { product })    Puts a product in the inquiry basket (as a data-liaison-add
 *                                button does): kept across the site's pages until sent.
 * liaison('close')               Closes the form.
 * liaison('prefill', values)     Fills in form fields: name, email, company, country, phone,
 *                                message, quantity, unit (one of the form's units). Strings
 *                                only; other keys are ignored with a console warning. Applied
 *                                when the form mounts, or at once if it has; a field the
 *                                visitor has typed in is never overwritten. Loads nothing.
 * liaison('on', event, handler)  Calls `handler` on each event:
 *                                'open'  { product } (the attached product, or null)
 *                                'close' no argument
 *                                'sent'  { inquiryId, rep } (rep: { name } or null), once the
 *                                        server has accepted an inquiry
 *                                Register before the first `open` to hear it; registering
 *                                loads nothing. A handler that throws is logged to the console
 *                                and never stops the widget or the other handlers.
 *
 * The widget never throws into the page: a wrong call is reported with console.error or
 * console.warn, prefixed "[liaison]".
 */
import { guard } from './guard';

/** One call of `liaison(name, ...args)`, queued or live. */
export type Command = (name: unknown, ...args: unknown[]) => void;

/** Our `window.liaison`; `loaded` tells a second copy of the script that we are here. */
export interface Liaison extends Command {
  loaded: true;
}

/** Lets the widget start serving `liaison()` calls once it can, replaying the queued ones. */
export interface Namespace {
  start(run: Command): void;
}

// A stub's queued call is an `arguments` object: array-like, so copied by index.
const argsOf = (call: unknown): unknown[] | null => {
  if (typeof call !== 'object' || call === null) return null;
  const length: unknown = Reflect.get(call, 'length');
  return typeof length === 'number'
    ? Array.from({ length }, (_, index) => Reflect.get(call, index))
    : null;
};

/**
 * Installs `window.liaison`, the only global the widget defines. A stub snippet may already
 * have queued calls in `liaison.q` (each an `arguments` object); they run first, in order.
 * Returns null when our script already runs on this page (included twice).
 */
export function installNamespace(win: { liaison?: unknown }): Namespace | null {
  const existing = win.liaison;
  if (typeof existing === 'function' && Reflect.get(existing, 'loaded') === true) return null;
  const stubQueue: unknown = typeof existing === 'function' ? Reflect.get(existing, 'q') : null;
  const queue: unknown[][] = [];
  const calls: unknown[] = Array.isArray(stubQueue) ? stubQueue : [];
  for (const call of calls) {
    const args = argsOf(call);
    if (args) queue.push(args);
  }
  let run: Command | null = null;
  const liaison: Liaison = Object.assign(
    guard((name: unknown, ...args: unknown[]) => {
      if (run) run(name, ...args);
      else queue.push([name, ...args]);
    }),
    { loaded: true as const },
  );
  win.liaison = liaison;
  return {
    start(next) {
      run = next;
      for (const [name, ...args] of queue.splice(0)) guard(next)(name, ...args);
    },
  };
}
