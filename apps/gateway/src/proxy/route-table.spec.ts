import { describe, expect, it } from 'vitest';
import { isSafePath, resolveRoute } from './route-table';

describe('resolveRoute', () => {
  it.each([
    ['GET', '/products', 'catalog', true],
    ['GET', '/products/3f1e/image.svg', 'catalog', true],
    ['POST', '/products', 'catalog', false],
    ['POST', '/auth/login', 'auth', true],
    ['POST', '/auth/refresh', 'auth', true],
    ['POST', '/auth/mfa/totp/enroll', 'auth', false],
    ['POST', '/auth/passkeys/authentication/options', 'auth', true],
    ['POST', '/auth/passkeys/authentication/verify', 'auth', true],
    ['POST', '/auth/passkeys/registration/options', 'auth', false],
    ['GET', '/auth/passkeys', 'auth', false],
    ['POST', '/auth/password', 'auth', false],
    ['GET', '/auth/sessions', 'auth', false],
    ['DELETE', '/auth/sessions/3f1c2b9e-8d4a-4c6b-9e2f-1a2b3c4d5e6f', 'auth', false],
    ['GET', '/auth/login', 'auth', false],
    ['GET', '/me', 'auth', false],
    ['GET', '/cart', 'order', false],
    ['DELETE', '/cart/items/abc', 'order', false],
    ['POST', '/orders', 'order', false],
    ['POST', '/payments/cards', 'payment-vault', false],
    ['GET', '/admin/orders', 'order', false],
    ['GET', '/admin/alerts', 'monitor', false],
    ['GET', '/admin/audit/verify', 'monitor', false],
    ['GET', '/admin/events', 'monitor', false],
    ['POST', '/attack-lab/runs', 'attack-lab', false],
    ['GET', '/attack-lab/runs/3f1c2b9e', 'attack-lab', false],
    ['POST', '/admin/users/3f1c2b9e-8d4a-4c6b-9e2f-1a2b3c4d5e6f/unlock', 'auth', false],
  ])('%s %s goes to %s (public: %s)', (method, path, upstream, isPublic) => {
    expect(resolveRoute(method, path)).toMatchObject({ upstream, isPublic });
  });

  it.each(['/internal/reservations', '/internal/charges', '/productsx', '/me/x', '/payments/cards/tok_1', '/admin', '/', '/Products', '/.well-known/jwks.json'])(
    'refuses %s, which is not in the public API',
    (path) => {
      expect(resolveRoute('GET', path)).toBeUndefined();
    },
  );

  it('sends cookies only to auth and a signed user assertion only to the vault', () => {
    expect(resolveRoute('POST', '/auth/refresh')).toMatchObject({ cookies: true, assertsUser: false });
    expect(resolveRoute('GET', '/products')).toMatchObject({ cookies: false, assertsUser: false });
    expect(resolveRoute('POST', '/payments/cards')).toMatchObject({ cookies: false, assertsUser: true });
  });

  it('keeps the bearer token from the attack lab: the gateway checks attack-lab:run for it', () => {
    expect(resolveRoute('POST', '/attack-lab/runs')).toMatchObject({ assertsUser: true, permission: 'attack-lab:run', cookies: false });
  });

  it('marks only refresh and logout as cookie-authenticated state changes (they need the CSRF header)', () => {
    expect(resolveRoute('POST', '/auth/refresh')?.cookieAuthenticated).toBe(true);
    expect(resolveRoute('POST', '/auth/logout')?.cookieAuthenticated).toBe(true);
    for (const [method, path] of [['POST', '/auth/login'], ['POST', '/auth/register'], ['POST', '/auth/mfa/verify'], ['GET', '/auth/refresh'], ['POST', '/cart/items']]) {
      expect(resolveRoute(method, path)?.cookieAuthenticated).toBe(false);
    }
  });
});

describe('isSafePath', () => {
  it.each(['/products', '/products/3f1e-aa/image.svg', '/cart/items/a%20b'])('accepts %s', (path) => {
    expect(isSafePath(path)).toBe(true);
  });

  it.each(['/products/../internal/reservations', '/products/%2e%2e/internal', '/products/%2E./x', '/products/./x', '/products//x', '/products%2finternal', '/products\\..\\internal', '/products/%5c', '/products/%00', '/products/%zz', '/products/', ''])(
    'refuses %s',
    (path) => {
      expect(isSafePath(path)).toBe(false);
    },
  );
});
