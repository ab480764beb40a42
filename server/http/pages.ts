import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { DomainError } from '../domain/errors';
import { openVisitorThread } from '../domain/visitor-conversation';
import { escapeHtml } from '../mail/html';
import type { Store } from '../storage/store';

export interface PageOptions {
  store: Store;
  /** The build output folder (dist/), holding inbox/ after `npm run build`. */
  distDir: string;
}

// Our own pages load only our own files: no inline script, no third party.
const PAGE_CSP = [
  "default-src 'self'",
  "img-src 'self' data: https:",
  "style-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function conversationPage(siteName: string, siteKey: string, token: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>Your conversation with ${escapeHtml(siteName)}</title>
</head>
<body>
<main data-liaison-page>
<h1>Your conversation with ${escapeHtml(siteName)}</h1>
<noscript>Please turn on JavaScript to read and answer this conversation, or simply reply to the mail you received.</noscript>
</main>
<script async src="/widget.js" data-site="${escapeHtml(siteKey)}" data-conversation="${escapeHtml(token)}"></script>
</body>
</html>`;
}

/** Pages Liaison serves itself: a visitor's conversation (`/c/{token}`) and the reps' inbox app. */
export function pages({ store, distDir }: PageOptions): Hono {
  const inboxIndex = join(distDir, 'inbox/index.html');
  const inboxHtml = () => (existsSync(inboxIndex) ? readFileSync(inboxIndex, 'utf8') : null);

  return new Hono()
    .get('/c/:token', async (c) => {
      c.header('Content-Security-Policy', PAGE_CSP);
      c.header('Cache-Control', 'no-store');
      try {
        const { site } = await openVisitorThread(store, c.req.param('token'));
        return c.html(conversationPage(site.name, site.key, c.req.param('token').toLowerCase()));
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        return c.html(
          '<!doctype html><title>Not found</title><p>This conversation link is not valid (any more).</p>',
          404,
        );
      }
    })
    .use('/inbox/assets/*', serveStatic({ root: distDir }))
    .get('/inbox/*', (c) => {
      const html = inboxHtml();
      if (!html) return c.text('The inbox is not built: run `npm run build`.', 404);
      c.header('Content-Security-Policy', PAGE_CSP);
      c.header('Cache-Control', 'no-cache');
      return c.html(html);
    })
    .get('/inbox', (c) => c.redirect('/inbox/'));
}
