import { type AssertionTarget, INTERNAL_ASSERTION_HEADER, InternalAssertionSigner } from '@storefront/identity/assertion';
import { loadTlsIdentity } from '@storefront/platform/mtls';

/** Where the gateway sends a card, as the vault sees it. */
export const TOKENIZE_TARGET: AssertionTarget = { audience: 'payment-vault', method: 'POST', path: '/payments/cards' };

/**
 * Test support: signs an internal assertion the way the gateway does, with
 * the private key of an identity from the test PKI (the gateway's, unless a
 * test wants a wrong key).
 */
export async function signedAssertion(
  tlsDir: string,
  userId: string,
  options: { identity?: string; target?: Partial<AssertionTarget>; now?: Date } = {},
): Promise<string> {
  const signer = await InternalAssertionSigner.fromPrivateKeyPem(loadTlsIdentity(tlsDir, options.identity ?? 'gateway').key);
  return signer.sign(userId, { ...TOKENIZE_TARGET, ...options.target }, options.now);
}

/** The header the gateway would add when forwarding a card for this user. */
export async function gatewayAssertionHeaders(tlsDir: string, userId: string): Promise<Record<string, string>> {
  return { [INTERNAL_ASSERTION_HEADER]: await signedAssertion(tlsDir, userId) };
}
