import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { type AuthenticatedUser, decidePermission, PERMISSION_DENIAL_LISTENER, type PermissionDenialListener, stepUpRequired } from '@storefront/identity/access';
import { SecurityEventPublisher } from '@storefront/platform/events';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { Upstreams } from '../core/upstreams';
import { AssertionIssuer } from './assertion-issuer';
import { CatalogCache } from './catalog-cache';
import { EdgeAuthenticator } from './edge-authenticator';
import { requestHeadersFor, responseHeadersFrom } from './forwarded-headers';
import { proxyError, ProxyError } from './proxy.errors';
import { isSafePath, type ProxyRoute, resolveRoute } from './route-table';

export interface ProxyRequest {
  method: string;
  /** The URL as received, starting with /api. */
  url: string;
  headers: IncomingHttpHeaders;
  /** The JSON body express parsed, or undefined when there was none. */
  body: unknown;
  clientIp: string;
}

export interface ProxyResponse {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

const API_PREFIX = '/api';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Sent by the storefront's own script on cookie-authenticated calls (apps/web/src/api/session.ts). */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'storefront';

/**
 * The reverse proxy: maps a public /api path to one upstream over mutual
 * TLS, checks the caller's token first where the route needs one, and
 * passes the upstream's status, body and safe headers back as they are.
 */
@Injectable()
export class ProxyService {
  private readonly logger = new Logger(ProxyService.name);

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly upstreams: Upstreams,
    private readonly authenticator: EdgeAuthenticator,
    private readonly events: SecurityEventPublisher,
    private readonly assertions: AssertionIssuer,
    private readonly catalogCache: CatalogCache,
    @Inject(PERMISSION_DENIAL_LISTENER) private readonly denials: PermissionDenialListener,
  ) {}

  async forward(req: ProxyRequest): Promise<ProxyResponse> {
    const queryAt = req.url.indexOf('?');
    const rawPath = (queryAt === -1 ? req.url : req.url.slice(0, queryAt)).slice(API_PREFIX.length);
    const query = queryAt === -1 ? '' : req.url.slice(queryAt);
    if (!isSafePath(rawPath)) throw proxyError(ProxyError.InvalidPath, 'The request path is not valid.');
    const route = resolveRoute(req.method, rawPath);
    if (!route) throw proxyError(ProxyError.NotFound, 'No such API route.');
    this.checkOrigin(req);
    this.checkCsrfHeader(route, req, rawPath);

    // With the edge guards off (benchmark baseline only) the services' own token checks still apply; the vault needs the gateway's assertion, so its routes are always checked.
    const checkAtEdge = !route.isPublic && (this.config.EDGE_GUARDS === 'on' || route.assertsUser);
    const caller = !checkAtEdge
      ? undefined
      : await this.authenticator.authenticate({
          authorization: req.headers.authorization,
          ip: req.clientIp,
          userAgent: req.headers['user-agent'],
          method: req.method,
          path: `${API_PREFIX}${rawPath}`,
        });
    const user = caller?.user;

    if (route.permission && user) this.checkPermissionFor(route, user, req, rawPath);
    // The account routes (auth) stay open: that is where the caller answers the demand (POST /api/auth/step-up).
    if (caller?.stepUpOutstanding && route.upstream !== 'auth') {
      throw stepUpRequired('After a security check on this account, continuing');
    }

    const ifNoneMatch = req.headers['if-none-match'];
    const cacheKey = this.catalogCache.applies(req.method, route.upstream, req.headers) ? await this.catalogCache.keyFor(`${rawPath}${query}`) : undefined;
    if (cacheKey) {
      const cached = await this.catalogCache.lookup(cacheKey, ifNoneMatch);
      if (cached) return cached;
    }

    // Re-serialise what express already parsed: the gateway's size limit and JSON checks ran first, and the upstream gets canonical JSON.
    const body = req.body === undefined ? undefined : JSON.stringify(req.body);
    // Bound to the upstream, method and exact path, so it cannot be replayed against another route or service.
    const assertion = route.assertsUser && user ? await this.assertions.issue(user.id, { audience: route.upstream, method: req.method, path: rawPath }) : undefined;
    const headers = requestHeadersFor(route, req.headers, { clientIp: req.clientIp, assertion, hasBody: body !== undefined });
    // Outside the try: an upstream that is not configured (the attack lab) answers its own 503, not "unreachable".
    const client = this.upstreams.get(route.upstream);
    let upstream;
    try {
      upstream = await client.request({ method: req.method, path: `${rawPath}${query}`, headers, body });
    } catch (error) {
      this.logger.warn({ upstream: route.upstream, reason: error instanceof Error ? error.message : String(error) }, 'upstream unreachable');
      throw proxyError(ProxyError.ServiceUnavailable, `The ${route.upstream} service is not reachable right now; try again shortly.`);
    }
    const response: ProxyResponse = { status: upstream.status, headers: responseHeadersFrom(route, upstream.headers), body: upstream.body };
    // A checkout reserves stock (or releases it on a decline): the cached catalog is out of date.
    if (req.method === 'POST' && route.upstream === 'order' && rawPath === '/orders') await this.catalogCache.invalidate();
    // A catalog manager changed a product: the cached pages show the old price or stock.
    if (route.upstream === 'catalog' && UNSAFE_METHODS.has(req.method) && upstream.status < 300) await this.catalogCache.invalidate();
    return cacheKey ? this.catalogCache.store(cacheKey, response, ifNoneMatch) : response;
  }

  /**
   * The vault cannot verify tokens, so the gateway applies the same rule its
   * services do (decidePermission) before it signs an assertion for it: a
   * support agent's token never turns into a tokenize call.
   */
  private checkPermissionFor(route: ProxyRoute, user: AuthenticatedUser, req: ProxyRequest, rawPath: string): void {
    const decision = decidePermission(user, route.permission);
    if (decision.allowed) return;
    this.denials.denied({ user, permission: route.permission ?? 'undeclared', reason: decision.reason, method: req.method, route: `${API_PREFIX}${rawPath}`, ip: req.clientIp });
    throw decision.error;
  }

  /**
   * Browsers send Origin on state-changing requests: one from another site
   * is refused (defence in depth for the cookie-carrying auth routes, on top
   * of SameSite=Strict). Clients that send no Origin are not browsers on
   * another site and pass.
   */
  private checkOrigin(req: ProxyRequest): void {
    const origin = req.headers.origin;
    if (!UNSAFE_METHODS.has(req.method) || origin === undefined || origin === this.config.PUBLIC_ORIGIN) return;
    throw proxyError(ProxyError.OriginNotAllowed, 'Requests from another site are not accepted.');
  }

  /**
   * Refresh and logout are authorised by the cookie alone. A cross-site form
   * (or a request from a browser that sends no Origin) cannot set a custom
   * header without a CORS preflight, which only our own origin passes; so
   * the header proves the call came from the storefront's script.
   */
  private checkCsrfHeader(route: ProxyRoute, req: ProxyRequest, rawPath: string): void {
    if (!route.cookieAuthenticated || req.headers[CSRF_HEADER] === CSRF_HEADER_VALUE) return;
    void this.events.publish({
      type: 'edge.waf.blocked',
      outcome: 'blocked',
      source: { ip: req.clientIp, ...(req.headers['user-agent'] ? { userAgent: req.headers['user-agent'].slice(0, 512) } : {}) },
      details: { reason: 'csrf_header_missing', method: req.method, path: `${API_PREFIX}${rawPath}` },
    });
    throw proxyError(ProxyError.CsrfRejected, `This request must carry the ${CSRF_HEADER} header the storefront sends.`);
  }
}
