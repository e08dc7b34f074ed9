import { describe, expect, it } from 'vitest';
import { requestHeadersFor, responseHeadersFrom } from './forwarded-headers';
import { resolveRoute } from './route-table';

const route = (method: string, path: string) => {
  const found = resolveRoute(method, path);
  if (!found) throw new Error(`no route for ${path}`);
  return found;
};

const incoming = {
  authorization: 'Bearer abc',
  cookie: 'refresh=secret',
  'content-type': 'application/json; charset=utf-8',
  'idempotency-key': 'key-12345678',
  'user-agent': 'test-agent',
  'x-forwarded-for': '6.6.6.6',
  'x-storefront-user': 'attacker',
  'x-storefront-assertion': 'forged',
  'x-internal': 'nope',
  host: 'evil.example',
};

describe('requestHeadersFor', () => {
  it('forwards the allow-list to catalog, without cookies, and sets x-forwarded-for from the socket', () => {
    expect(requestHeadersFor(route('GET', '/products'), incoming, { clientIp: '203.0.113.1', hasBody: false })).toEqual({
      authorization: 'Bearer abc',
      'idempotency-key': 'key-12345678',
      'user-agent': 'test-agent',
      'x-forwarded-for': '203.0.113.1',
    });
  });

  it('forwards the cookie to auth only', () => {
    expect(requestHeadersFor(route('POST', '/auth/refresh'), incoming, { clientIp: '203.0.113.1', hasBody: false }).cookie).toBe('refresh=secret');
    expect(requestHeadersFor(route('GET', '/cart'), incoming, { clientIp: '203.0.113.1', hasBody: false }).cookie).toBeUndefined();
  });

  it('never forwards a client-sent x-storefront-user or assertion; the vault gets the gateway\'s assertion and no token', () => {
    const cart = requestHeadersFor(route('GET', '/cart'), incoming, { clientIp: '1.2.3.4', assertion: 'signed', hasBody: false });
    expect(cart['x-storefront-user']).toBeUndefined();
    expect(cart['x-storefront-assertion']).toBeUndefined();
    const vault = requestHeadersFor(route('POST', '/payments/cards'), incoming, { clientIp: '1.2.3.4', assertion: 'signed', hasBody: true });
    expect(vault['x-storefront-assertion']).toBe('signed');
    expect(vault['x-storefront-user']).toBeUndefined();
    expect(vault.authorization).toBeUndefined();
    expect(vault['content-type']).toBe('application/json');
  });
});

describe('responseHeadersFrom', () => {
  const upstream = {
    'content-type': 'application/json',
    etag: 'W/"1"',
    'set-cookie': ['refresh=new; HttpOnly'],
    'x-powered-by': 'Express',
    server: 'internal',
    'content-security-policy': "default-src 'none'",
  };

  it('passes set-cookie from auth only', () => {
    expect(responseHeadersFrom(route('POST', '/auth/login'), upstream)['set-cookie']).toEqual(['refresh=new; HttpOnly']);
    expect(responseHeadersFrom(route('GET', '/products'), upstream)['set-cookie']).toBeUndefined();
  });

  it('drops unknown headers and defaults cache-control to no-store', () => {
    expect(responseHeadersFrom(route('GET', '/cart'), upstream)).toEqual({ 'content-type': 'application/json', etag: 'W/"1"', 'cache-control': 'no-store' });
  });

  it('keeps the upstream content-security-policy for SVG only', () => {
    expect(responseHeadersFrom(route('GET', '/products/x/image.svg'), { ...upstream, 'content-type': 'image/svg+xml' })['content-security-policy']).toBe("default-src 'none'");
  });
});
