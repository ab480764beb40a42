import { signal, type Signal } from './signal';
import type { AnswerCode } from '../responses';
import type { InquiryCreated, ProductInput } from '../../contract/inquiry';
import type { WidgetConfig } from '../../contract/widget-config';
import type { Line } from './basket';
import type { FormValues } from './build-inquiry';
import type { FieldErrors } from './form-errors';

/**
 * Where the form is: being filled in, in flight, kept on this device for lack of a connection,
 * accepted, or refused for a non-field reason.
 */
export type Phase = 'editing' | 'sending' | 'queued' | 'sent' | 'failed';

/** What the dialog shows: the inquiry form (and its sent state) or the visitor's thread. */
export type View = 'form' | 'thread';

/** Everything the widget's views render from; one instance per page. */
export interface WidgetState {
  config: Signal<WidgetConfig | null>;
  open: Signal<boolean>;
  view: Signal<View>;
  /** The product the dialog was last opened about (what the page's `open` handler hears). */
  product: Signal<ProductInput | null>;
  /** The products the inquiry asks about: the inquiry basket, kept across the site's pages. */
  lines: Signal<Line[]>;
  /** The files the visitor attached (this page view only: files cannot be kept). */
  files: Signal<File[]>;
  /** What the basket's polite live region says last, if anything. */
  basketNote: Signal<BasketNote | null>;
  values: Signal<FormValues>;
  errors: Signal<FieldErrors>;
  /** The polite "Please correct 2 fields." announcement of the last attempt. */
  summary: Signal<string>;
  phase: Signal<Phase>;
  failure: Signal<AnswerCode | null>;
  created: Signal<InquiryCreated | null>;
  /** Counts finished send attempts, so the form knows when to move focus. */
  attempts: Signal<number>;
}

/** A word from the inquiry basket: a product joined, or the basket is full. */
export interface BasketNote {
  text: string;
  /** The basket is full: shown to everyone above the button, not only said. */
  full: boolean;
  /**
   * Counts the notes: the same words said again (one more product for a full basket) render
   * as a new node, which the live region says again.
   */
  n: number;
}

/** The values of an untouched form. */
export const emptyValues = (): FormValues => ({
  name: '',
  email: '',
  company: '',
  country: '',
  phone: '',
  quantity: '',
  unit: 'pieces',
  message: '',
});

/** Creates the widget's state. */
export const createState = (): WidgetState => ({
  config: signal(null),
  open: signal(false),
  view: signal('form'),
  product: signal(null),
  lines: signal([]),
  files: signal([]),
  basketNote: signal(null),
  values: signal(emptyValues()),
  errors: signal({}),
  summary: signal(''),
  phase: signal('editing'),
  failure: signal(null),
  created: signal(null),
  attempts: signal(0),
});
