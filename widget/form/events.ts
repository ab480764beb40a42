import { effect } from './signal';
import type { InquiryCreated, ProductInput } from '../../contract/inquiry';
import { report, warn } from '../guard';
import type { WidgetState } from './state';

/** What each `liaison('on', event, handler)` handler is called with. */
export interface WidgetEvents {
  open: { product: ProductInput | null };
  close: undefined;
  sent: { inquiryId: string; rep: InquiryCreated['rep'] };
}

/** The page's handlers of the widget's events. */
export interface Events {
  /** Registers a page's handler; a wrong event or a handler that is no function is warned of. */
  on(event: unknown, handler: unknown): void;
  emit<E extends keyof WidgetEvents>(event: E, payload: WidgetEvents[E]): void;
}

const EVENTS = ['open', 'close', 'sent'] as const;

const isEvent = (name: unknown): name is keyof WidgetEvents =>
  EVENTS.some((event) => event === name);

/** Creates the event registry; each handler runs on its own, so one that throws stops no other. */
export function createEvents(): Events {
  const handlers: Record<keyof WidgetEvents, Function[]> = { open: [], close: [], sent: [] };
  return {
    on(event, handler) {
      if (!isEvent(event)) return warn(`liaison('on'): unknown event ${String(event)}`);
      if (typeof handler !== 'function') return warn(`liaison('on', '${event}'): not a function`);
      handlers[event].push(handler);
    },
    emit(event, payload) {
      for (const handler of handlers[event]) {
        try {
          // `close` has nothing to say: its handlers are called without an argument.
          Reflect.apply(handler, undefined, payload === undefined ? [] : [payload]);
        } catch (err) {
          // The page's code failed, not ours: the widget carries on.
          report(err);
        }
      }
    },
  };
}

/**
 * Emits `open` (with the product asked about) and `close` whenever the dialog opens or closes,
 * however that happened: a button, `liaison()`, Escape, the Close button. Returns the disposer.
 */
export function emitOpenAndClose(
  state: Pick<WidgetState, 'open' | 'product'>,
  events: Events,
): () => void {
  let wasOpen = state.open.peek();
  return effect(() => {
    const isOpen = state.open.value;
    if (isOpen === wasOpen) return;
    wasOpen = isOpen;
    if (isOpen) events.emit('open', { product: state.product.peek() });
    else events.emit('close', undefined);
  });
}
