import { createPrivateKey, randomUUID } from 'node:crypto';
import { errors, importPKCS8, importX509, jwtVerify, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

/** The header the gateway uses to tell an internal service who the shopper is. */
export const INTERNAL_ASSERTION_HEADER = 'x-storefront-assertion';
export const INTERNAL_ASSERTION_ISSUER = 'gateway';
/** The certificate keys of the dev PKI are RSA, so the assertion is signed with RS256. */
export const INTERNAL_ASSERTION_ALGORITHM = 'RS256';
/** Short enough that a leaked assertion is useless a minute later. */
export const INTERNAL_ASSERTION_TTL_SECONDS = 60;
// A little slack for clocks on different hosts, far below the lifetime.
const CLOCK_TOLERANCE_SECONDS = 5;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What one assertion is good for: this user, on this audience, for exactly this method and path. */
export interface AssertionTarget {
  audience: string;
  method: string;
  /** The request path at the receiving service, without the query string. */
  path: string;
}

export interface InternalAssertionClaims extends JWTPayload {
  iss: string;
  aud: string;
  sub: string;
  iat: number;
  exp: number;
  jti: string;
  htm: string;
  htu: string;
}

/** Why an assertion was refused; the message is safe to show to the caller. */
export class InternalAssertionError extends Error {
  override readonly name = 'InternalAssertionError';
}

/** Binding compares methods case-insensitively and paths exactly, as the receiving router would see them. */
const normaliseMethod = (method: string) => method.toUpperCase();

/**
 * Signs assertions with the sender's TLS private key, so the receiver can
 * check them against the certificate of the very mTLS connection they came
 * on: no extra key to distribute or rotate.
 */
export class InternalAssertionSigner {
  private constructor(private readonly key: CryptoKey) {}

  /** Accepts the PEM the PKI writes (PKCS#1 "RSA PRIVATE KEY" or PKCS#8). */
  static async fromPrivateKeyPem(pem: string): Promise<InternalAssertionSigner> {
    const keyObject = createPrivateKey(pem);
    if (keyObject.asymmetricKeyType !== 'rsa') throw new InternalAssertionError('The assertion signing key must be an RSA key.');
    // jose imports PKCS#8 only; re-encode whatever the PKI wrote.
    const pkcs8 = keyObject.export({ type: 'pkcs8', format: 'pem' }).toString();
    return new InternalAssertionSigner(await importPKCS8(pkcs8, INTERNAL_ASSERTION_ALGORITHM));
  }

  sign(userId: string, target: AssertionTarget, now: Date = new Date()): Promise<string> {
    const iat = Math.floor(now.getTime() / 1000);
    return new SignJWT({ htm: normaliseMethod(target.method), htu: target.path })
      .setProtectedHeader({ alg: INTERNAL_ASSERTION_ALGORITHM, typ: 'JWT' })
      .setIssuer(INTERNAL_ASSERTION_ISSUER)
      .setAudience(target.audience)
      .setSubject(userId)
      .setIssuedAt(iat)
      .setExpirationTime(iat + INTERNAL_ASSERTION_TTL_SECONDS)
      .setJti(randomUUID())
      .sign(this.key);
  }
}

/** A PEM certificate from the DER bytes Node gives for a TLS peer (getPeerCertificate().raw). */
export function certificatePemFromDer(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** The verification key inside a certificate (the sender's mTLS certificate). */
export function assertionKeyFromCertificate(certificatePem: string): Promise<CryptoKey> {
  return importX509(certificatePem, INTERNAL_ASSERTION_ALGORITHM);
}

/**
 * Checks signature, issuer, audience, lifetime and the method/path binding,
 * and returns the asserted user id. Every failure is an
 * InternalAssertionError; nothing about the token is echoed back.
 */
export async function verifyInternalAssertion(token: string, key: CryptoKey, target: AssertionTarget, now: Date = new Date()): Promise<string> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, key, {
      algorithms: [INTERNAL_ASSERTION_ALGORITHM],
      issuer: INTERNAL_ASSERTION_ISSUER,
      audience: target.audience,
      requiredClaims: ['sub', 'iat', 'exp', 'jti', 'htm', 'htu'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      // Refuses a token minted with a longer exp, or one dated in the future beyond the tolerance.
      maxTokenAge: INTERNAL_ASSERTION_TTL_SECONDS,
      currentDate: now,
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new InternalAssertionError('The internal assertion has expired.');
    if (error instanceof errors.JWTClaimValidationFailed) throw new InternalAssertionError(`The internal assertion is not valid here (${error.claim}).`);
    throw new InternalAssertionError('The internal assertion is not valid.');
  }
  const claims = payload as Partial<InternalAssertionClaims>;
  if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number' || claims.exp - claims.iat > INTERNAL_ASSERTION_TTL_SECONDS) {
    throw new InternalAssertionError('The internal assertion lives too long.');
  }
  if (claims.htm !== normaliseMethod(target.method) || claims.htu !== target.path) {
    throw new InternalAssertionError('The internal assertion was issued for another route.');
  }
  if (typeof claims.sub !== 'string' || !UUID.test(claims.sub)) throw new InternalAssertionError('The internal assertion does not name a user.');
  return claims.sub.toLowerCase();
}
