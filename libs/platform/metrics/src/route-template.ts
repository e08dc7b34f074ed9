/** What the metrics middleware needs from an Express request once it has been routed. */
export interface RoutedRequest {
  baseUrl?: string;
  route?: { path?: unknown };
}

/** Label for requests no route handled (404s, scanners): one bucket, whatever the URL was. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * The route TEMPLATE a request matched (e.g. `/orders/:id`), never the raw URL:
 * raw paths carry ids (unbounded label cardinality, and ids do not belong in metrics).
 */
export function routeTemplate(req: RoutedRequest): string {
  const path = req.route?.path;
  if (typeof path !== 'string') return UNMATCHED_ROUTE;
  const base = req.baseUrl ?? '';
  if (!base) return path || '/';
  // A router mounted at /x with a route '/' is just /x, not /x/.
  return path === '/' ? base : `${base}${path}`;
}

const ROUTE_TEMPLATE = Symbol('storefront.routeTemplate');
type Recorded = RoutedRequest & { [ROUTE_TEMPLATE]?: string };

/**
 * Called from INSIDE the matched handler's route (a guard, or an Express handler):
 * only there is `req.route` the handler's route. Nest also registers middleware as
 * wildcard routes (`/{*path}`), so reading `req.route` after an unmatched request
 * would label the 404 with the middleware's path instead of 'unmatched'.
 */
export function recordRouteTemplate(req: RoutedRequest): void {
  const template = routeTemplate(req);
  if (template !== UNMATCHED_ROUTE) (req as Recorded)[ROUTE_TEMPLATE] = template;
}

/** The template recorded for this request, or 'unmatched' if no handler route was reached. */
export function recordedRouteTemplate(req: RoutedRequest): string {
  return (req as Recorded)[ROUTE_TEMPLATE] ?? UNMATCHED_ROUTE;
}

/** 2xx, 4xx, ... — the class is what alerts need; exact codes stay in the logs. */
export function statusClass(status: number): string {
  if (!Number.isInteger(status) || status < 100 || status > 599) return 'unknown';
  return `${Math.floor(status / 100)}xx`;
}

const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Odd methods (PROPFIND, ...) share one label so a client cannot mint new series. */
export function methodLabel(method: string | undefined): string {
  const upper = (method ?? '').toUpperCase();
  return KNOWN_METHODS.has(upper) ? upper : 'OTHER';
}
