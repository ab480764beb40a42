import { join } from 'node:path';
import { type AppDeps, createHttp } from '../../server/app';
import { createClientAddress } from '../../server/http/client-address';
import { createLogger } from '../../server/ops/log';
import { PUBLIC_URL, ROOT, SECRET, type TestApp } from '../support/test-app';

/**
 * Another app on a test app's store (tests/support/test-app.ts passes no operations deps):
 * silent unless `over` brings a logger; abuse limits lifted.
 */
export function opsApp(t: TestApp, over: Partial<AppDeps> = {}) {
  return opsHttp(t, over).app;
}

/** `opsApp` with the server's front door to it (http/front-door.ts). */
export function opsHttp(t: TestApp, over: Partial<AppDeps> = {}) {
  return createHttp({
    store: t.store,
    clock: () => t.now.value,
    newId: t.newId,
    secret: SECRET,
    events: t.events,
    sleep: async () => {},
    clientAddress: createClientAddress(),
    abuse: {
      ipPerMinute: 1000,
      sitePerMinute: 10_000,
      minFormMs: 0,
      floodPerMinute: 10_000,
      messagesPerMinute: 10_000,
    },
    publicUrl: PUBLIC_URL,
    assets: { widgetDir: join(ROOT, 'dist'), demoDir: join(ROOT, 'demo') },
    logger: createLogger({ level: 'silent' }),
    ...over,
  });
}
