import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';

/** An app's fetch as @hono/node-server serves it (the Node objects reach it as `c.env`). */
export const nodeListener = (fetch: Parameters<typeof getRequestListener>[0]) =>
  getRequestListener(fetch);

/**
 * `listener` on a loopback port, as server/main.ts serves the app: for what only happens over
 * real HTTP (headers on Node's own objects, the front door, streams, Content-Length).
 */
export async function listen(
  listener: RequestListener,
): Promise<{ base: string; close: () => Promise<void> }> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
