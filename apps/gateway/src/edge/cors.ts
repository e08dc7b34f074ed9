import type { NextFunction, Request, Response } from 'express';

const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';
const ALLOWED_HEADERS = 'authorization, content-type, idempotency-key, x-requested-with, x-correlation-id';
const EXPOSED_HEADERS = 'retry-after, idempotent-replayed';
const PREFLIGHT_CACHE_SECONDS = '600';

/**
 * CORS for the store's own origin only. The storefront is served from that
 * origin, so this matters for nothing but explicit cross-origin use of it;
 * any other origin gets no CORS headers at all, and its preflights are
 * answered here with 403 (never forwarded), so a browser refuses the call.
 */
export function corsForOwnOrigin(publicOrigin: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    // Answers differ by Origin, so caches must keep them apart.
    res.vary('Origin');
    const ours = req.headers.origin === publicOrigin;
    if (ours) {
      res.setHeader('Access-Control-Allow-Origin', publicOrigin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    }
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    if (!preflight) return next();
    if (!ours) {
      res.status(403).setHeader('Cache-Control', 'no-store');
      res.json({ error: { code: 'ORIGIN_NOT_ALLOWED', message: 'Requests from another site are not accepted.' } });
      return;
    }
    res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
    res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    res.setHeader('Access-Control-Max-Age', PREFLIGHT_CACHE_SECONDS);
    res.status(204).end();
  };
}
