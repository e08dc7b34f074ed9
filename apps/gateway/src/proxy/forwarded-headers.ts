import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { INTERNAL_ASSERTION_HEADER } from '@storefront/identity/assertion';
import type { ProxyRoute } from './route-table';

/** Request headers any upstream may receive from the browser, as sent. */
const PASSED_THROUGH = ['authorization', 'content-type', 'idempotency-key', 'user-agent'] as const;

/** Response headers any upstream may set on what the browser receives. */
const SAFE_RESPONSE_HEADERS = ['content-type', 'cache-control', 'etag', 'idempotent-replayed', 'retry-after'] as const;

export interface ForwardingFacts {
  clientIp: string;
  /** The gateway's signed statement of the verified caller, for routes that assert the user (the vault). */
  assertion?: string;
  /** True when the gateway re-serialised a JSON body for the upstream. */
  hasBody: boolean;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The headers an upstream receives: a short allow-list, never what the
 * client sent for x-forwarded-for or x-storefront-assertion (both are set
 * here from facts the gateway established itself). The correlation id is added by
 * the mTLS client.
 */
export function requestHeadersFor(route: ProxyRoute, incoming: IncomingHttpHeaders, facts: ForwardingFacts): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of PASSED_THROUGH) {
    const value = single(incoming[name]);
    if (value !== undefined) headers[name] = value;
  }
  // The vault cannot check tokens (no route to auth); it gets a signed assertion of the verified user instead, so the token itself stays out of the isolated zone.
  if (route.assertsUser) delete headers.authorization;
  if (route.cookies && incoming.cookie) headers.cookie = incoming.cookie;
  headers['x-forwarded-for'] = facts.clientIp;
  if (route.assertsUser && facts.assertion) headers[INTERNAL_ASSERTION_HEADER] = facts.assertion;
  if (facts.hasBody) headers['content-type'] = 'application/json';
  else delete headers['content-type'];
  return headers;
}

/** The upstream's response headers the browser may see; everything else (server banners, internal debug headers) stays inside. */
export function responseHeadersFrom(route: ProxyRoute, upstream: IncomingHttpHeaders): OutgoingHttpHeaders {
  const headers: Record<string, string | string[]> = {};
  for (const name of SAFE_RESPONSE_HEADERS) {
    const value = upstream[name];
    if (value !== undefined) headers[name] = value;
  }
  if (route.cookies && upstream['set-cookie']) headers['set-cookie'] = upstream['set-cookie'];
  // Generated SVG images carry their own, stricter policy (no scripts, inline styles only).
  const contentType = single(upstream['content-type']) ?? '';
  if (/^image\/svg\+xml\b/i.test(contentType) && upstream['content-security-policy']) {
    headers['content-security-policy'] = upstream['content-security-policy'];
  }
  // API answers can hold tokens and personal data: never cached unless the upstream says otherwise.
  headers['cache-control'] ??= 'no-store';
  return headers;
}
