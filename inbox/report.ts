/** Logs a failure nobody is waiting for (a background refresh); the screen stays usable. */
export const report = (err: unknown): void => console.error('[inbox]', err);
