import { SECRET, type TestApp } from './test-app';

/** What `escalateOverdue` runs on: the test app's store, clock and ids. */
export const escalationDeps = (t: TestApp) => ({
  store: t.store,
  clock: () => t.now.value,
  newId: t.newId,
  events: t.events,
  secret: SECRET,
});

/** Moves the test app's clock `n` hours on. */
export const advanceHours = (t: TestApp, n: number) => {
  t.now.value = new Date(t.now.value.getTime() + n * 3_600_000);
};
