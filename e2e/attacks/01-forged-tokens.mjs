import { decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';

const ISSUER = 'storefront-auth';
const AUDIENCE = 'storefront';
const TARGETS = ['/api/me', '/api/admin/orders'];

const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Four ways to mint an admin token without the auth service's private key.
 * Every one must be refused with 401 by the gateway (which verifies tokens
 * against the auth JWKS) before any service acts on it.
 */
export default {
  id: 'forged-tokens',
  title: 'Forged access tokens (alg none, own key, expired, tampered role) on /api/me and /api/admin/orders',
  layer: { number: 5, name: 'Identity' },
  stoppedMeans: 'all 8 calls 401 at the gateway while the genuine token gets 200',
  order: 10,
  async run(ctx) {
    const me = await ctx.customerA();
    const [realHeader, realPayload, realSignature] = me.token.split('.');
    const { kid } = decodeProtectedHeader(me.token);
    const now = Math.floor(Date.now() / 1000);
    const adminClaims = { sub: me.id, email: me.email, roles: ['customer', 'admin'], sid: JSON.parse(Buffer.from(realPayload, 'base64url')).sid };
    const { privateKey } = await generateKeyPair('ES256');
    const ownKey = (claims, exp) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid, typ: 'at+jwt' }).setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt(exp - 600).setExpirationTime(exp).sign(privateKey);

    const forgeries = {
      'alg none': `${b64({ alg: 'none', typ: 'at+jwt' })}.${b64({ ...adminClaims, iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 600 })}.`,
      'ES256 signed with our own key (real kid)': await ownKey(adminClaims, now + 600),
      'expired an hour ago (own key, real kid)': await ownKey(adminClaims, now - 3600),
      'real token, payload swapped to roles=[admin]': `${realHeader}.${b64({ ...JSON.parse(Buffer.from(realPayload, 'base64url')), roles: ['customer', 'admin'] })}.${realSignature}`,
    };

    const evidence = [];
    const got = [];
    // Control: the genuine token works, so a 401 below is the forgery being refused, not a broken client.
    const control = await ctx.client.call('GET', '/api/me', { token: me.token });
    evidence.push(`control: genuine customer token on /api/me → ${control.status}`);
    for (const [name, token] of Object.entries(forgeries)) {
      const seen = [];
      for (const target of TARGETS) {
        const res = await ctx.client.call('GET', target, { token });
        seen.push(`${target} ${res.status}${res.body?.error?.code ? ` ${res.body.error.code}` : ''}`);
        if (res.status !== 401) got.push(`${name} on ${target}: ${res.status} ${res.text.slice(0, 200)}`);
      }
      evidence.push(`${name}: ${seen.join(', ')}`);
    }
    return { stopped: control.status === 200 && got.length === 0, evidence: evidence.join('\n'), attackerGot: got.join('\n') || (control.status !== 200 ? 'control failed' : '') };
  },
};
