import { browserSupportsWebAuthn, type PublicKeyCredentialRequestOptionsJSON, startAuthentication, startRegistration } from '@simplewebauthn/browser';
import type { TokenResponse } from './api/auth';
import {
  type Passkey,
  passkeyRegistrationOptions,
  passkeySignInOptions,
  passkeyStepUpOptions,
  verifyPasskeyRegistration,
  verifyPasskeySignIn,
  verifyPasskeyStepUp,
} from './api/security';

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
export function signInWithPasskey(): Promise<TokenResponse> {
  return authenticate(passkeySignInOptions, verifyPasskeySignIn);
}

/** Proves a second factor again (step-up) with one of the signed-in person's own passkeys. */
export function stepUpWithPasskey(): Promise<TokenResponse> {
  return authenticate(passkeyStepUpOptions, verifyPasskeyStepUp);
}

/** One assertion ceremony: the server's options, the browser's passkey dialog, the server's verdict. */
async function authenticate(
  options: () => Promise<PublicKeyCredentialRequestOptionsJSON>,
  verify: (response: unknown) => Promise<TokenResponse>,
): Promise<TokenResponse> {
  const optionsJSON = await options();
  return verify(await startAuthentication({ optionsJSON }));
}
