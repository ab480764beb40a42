import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { errorJson } from './errors';

export interface AssetOptions {
  /** The built widget's folder (dist/): widget.js and widget-form.js, after `npm run build`. */
  widgetDir: string;
  /** The demo host page's folder, served at `/` and `/demo/*`. */
  demoDir: string;
}

interface Compiled {
  etag: string;
  identity: Buffer;
  br: Buffer;
  gzip: Buffer;
}

// The loader every page runs and the form module it imports on intent.
const WIDGET_FILES = ['widget.js', 'widget-form.js'];

/** Serves the widget's files (compressed once at start-up) and the demo host page. */
export function assets({ widgetDir, demoDir }: AssetOptions): Hono {
  const indexHtml = join(demoDir, 'index.html');
  const app = new Hono();
  for (const name of WIDGET_FILES) {
    const file = compile(join(widgetDir, name));
    app.get(`/${name}`, (c) => {
      if (!file) return errorJson(c, 'NOT_FOUND', `${name} is not built: run \`npm run build\`.`);
      c.header('Content-Type', 'text/javascript; charset=utf-8');
      // Short max-age: the embed URL carries no version, so a new release must reach pages soon.
      c.header('Cache-Control', 'public, max-age=300, stale-while-revalidate=86400');
      c.header('ETag', file.etag);
      c.header('Vary', 'Accept-Encoding');
      c.header('Cross-Origin-Resource-Policy', 'cross-origin');
      // The loader imports the form as a module, which a browser fetches with CORS. A public,
      // credential-free static file may say `*`; the API never does.
      c.header('Access-Control-Allow-Origin', '*');
      if (c.req.header('If-None-Match') === file.etag) return c.body(null, 304);
      const accepted = c.req.header('Accept-Encoding') ?? '';
      if (/\bbr\b/.test(accepted)) {
        c.header('Content-Encoding', 'br');
        return c.body(new Uint8Array(file.br));
      }
      if (/\bgzip\b/.test(accepted)) {
        c.header('Content-Encoding', 'gzip');
        return c.body(new Uint8Array(file.gzip));
      }
      return c.body(new Uint8Array(file.identity));
    });
  }
  return app
    .get('/', (c) => {
      c.header('Content-Type', 'text/html; charset=utf-8');
      return c.body(readFileSync(indexHtml, 'utf8'));
    })
    .use('/demo/*', serveStatic({ root: join(demoDir, '..') }));
}

function compile(path: string): Compiled | null {
  if (!existsSync(path)) return null;
  const identity = readFileSync(path);
  return {
    etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}"`,
    identity,
    br: brotliCompressSync(identity),
    gzip: gzipSync(identity, { level: 9 }),
  };
}
