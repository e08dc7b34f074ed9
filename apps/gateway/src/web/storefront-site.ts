import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Storefront not built yet</title></head>
<body>
<h1>The storefront has not been built yet</h1>
<p>The gateway is running, but the web app's files are missing. Run <code>npm run build</code> (it writes them to <code>dist/web</code>), then reload this page.</p>
<p>The API under <code>/api</code> works already.</p>
</body>
</html>
`;

/** Paths the site must never answer: the API and the health probe belong to Nest. */
function belongsToServer(requestPath: string): boolean {
  return requestPath === '/api' || requestPath.startsWith('/api/') || requestPath === '/healthz';
}

/**
 * Serves the built storefront from `webDir`: its files as they are (hashed
 * assets cached for a year, everything else revalidated), and index.html for
 * any other page path so client-side routes survive a reload. A path that
 * looks like a file (has an extension) and does not exist stays a 404, so a
 * missing script is never answered with HTML.
 */
export function serveStorefront(app: NestExpressApplication, webDir: string): void {
  const root = path.resolve(webDir);
  const index = path.join(root, 'index.html');
  const files = express.static(root, {
    index: 'index.html',
    redirect: false,
    dotfiles: 'ignore',
    setHeaders: (res, file) =>
      res.setHeader('Cache-Control', file.startsWith(path.join(root, 'assets') + path.sep) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });

  app.use((req: Request, res: Response, next: NextFunction) => (belongsToServer(req.path) ? next() : files(req, res, next)));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || belongsToServer(req.path) || path.extname(req.path) !== '') return next();
    if (!existsSync(index)) {
      res.status(503).type('html').setHeader('Cache-Control', 'no-store').send(NOT_BUILT_PAGE);
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
