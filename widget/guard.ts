/** Logs a failure where the site owner will look; the widget never rethrows into the page. */
export const report = (err: unknown): void => console.error('[liaison]', err);

/** Tells the site owner of a mistake in the embed that the widget works around. */
export const warn = (message: string): void => console.warn('[liaison]', message);

/** Wraps `fn` so that whatever it throws is reported, not thrown into the host page. */
export const guard =
  <A extends unknown[]>(fn: (...args: A) => void) =>
  (...args: A): void => {
    try {
      fn(...args);
    } catch (err) {
      report(err);
    }
  };
