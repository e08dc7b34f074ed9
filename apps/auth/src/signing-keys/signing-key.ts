import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, type JWK } from 'jose';

/** The one signature algorithm access tokens use. Verifiers accept nothing else. */
export const SIGNING_ALGORITHM = 'ES256';

export interface SigningKey {
  /** RFC 7638 thumbprint of the public key: stable, and derived rather than configured. */
  kid: string;
  privateKey: KeyObject;
  /** Public half only, as published in the JWKS. */
  publicJwk: JWK;
}

/**
 * Reads the PEM (PKCS#8) private key the launcher generates and refuses
 * anything but an EC P-256 key, so a wrong file fails at startup rather than
 * producing tokens nobody can verify.
 */
export async function signingKeyFromPem(pem: string): Promise<SigningKey> {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw new Error('the token signing key is not a PEM private key');
  }
  if (privateKey.asymmetricKeyType !== 'ec' || privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error('the token signing key must be an EC P-256 key (ES256)');
  }
  const { kty, crv, x, y } = createPublicKey(privateKey).export({ format: 'jwk' });
  const thumbprintInput: JWK = { kty, crv, x, y };
  const kid = await calculateJwkThumbprint(thumbprintInput, 'sha256');
  return { kid, privateKey, publicJwk: { ...thumbprintInput, kid, alg: SIGNING_ALGORITHM, use: 'sig' } };
}
