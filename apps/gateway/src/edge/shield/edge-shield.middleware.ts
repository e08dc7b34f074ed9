import type { NextFunction, Request, Response } from 'express';
import type { EdgeShield } from './edge-shield';

/**
 * The shield as plain express middleware, registered before the API and the
 * static site, so every request (scanners probing /.env included) is checked
 * and a refused one is answered here, 403 in the contract's error shape.
 */
export function edgeShieldMiddleware(shield: EdgeShield) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const refusal = shield.check(req);
    if (!refusal) return next();
    res.status(403).setHeader('cache-control', 'no-store');
    res.json({ error: { code: refusal.code, message: refusal.message, reference: refusal.reference } });
  };
}
