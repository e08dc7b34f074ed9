import { browserSupportsWebAuthn, startAuthentication, startRegistration } from '@simplewebauthn/browser';
import type { TokenResponse } from './api/auth';
import { type Passkey, passkeyRegistrationOptions, passkeySignInOptions, verifyPasskeyRegistration, verifyPasskeySignIn } from './api/security';

export { browserSupportsWebAuthn };

/** The person closed the browser's passkey dialog or it timed out: not an error worth a red banner. */
export function isPasskeyCancelled(error: unknown): boolean {
  return error instanceof Error && (error.name === 'NotAllowedError' || error.name === 'AbortError');
}

/** Asks the browser to create a passkey for this store and registers it with the server. */
export async function addPasskey(): Promise<Passkey> {
  const optionsJSON = await passkeyRegistrationOptions();
  return verifyPasskeyRegistration(await startRegistration({ optionsJSON }));
}

/** Signs in with whichever passkey of this store the person picks; no email needed. */
export async function signInWithPasskey(): Promise<TokenResponse> {
  const optionsJSON = await passkeySignInOptions();
  return verifyPasskeySignIn(await startAuthentication({ optionsJSON }));
}
