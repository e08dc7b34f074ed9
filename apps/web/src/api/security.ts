import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import type { TokenResponse } from './auth';
import { apiRequest, segment } from './http';

/** One signed-in device, as GET /api/auth/sessions lists it. */
export interface DeviceSession {
  id: string;
  device: string;
  ip: string | null;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

export interface Passkey {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  backedUp: boolean;
}

export function listSessions(signal?: AbortSignal): Promise<DeviceSession[]> {
  return apiRequest('/api/auth/sessions', { signal });
}

export function endDeviceSession(id: string): Promise<void> {
  return apiRequest(`/api/auth/sessions/${segment(id)}`, { method: 'DELETE' });
}

export function changePassword(currentPassword: string, newPassword: string): Promise<{ otherSessionsEnded: number }> {
  return apiRequest('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } });
}

export function listPasskeys(signal?: AbortSignal): Promise<Passkey[]> {
  return apiRequest('/api/auth/passkeys', { signal });
}

export function removePasskey(id: string): Promise<void> {
  return apiRequest(`/api/auth/passkeys/${segment(id)}`, { method: 'DELETE' });
}

export function passkeyRegistrationOptions(): Promise<PublicKeyCredentialCreationOptionsJSON> {
  return apiRequest('/api/auth/passkeys/registration/options', { method: 'POST' });
}

export function verifyPasskeyRegistration(response: unknown): Promise<Passkey> {
  return apiRequest('/api/auth/passkeys/registration/verify', { method: 'POST', body: { response } });
}

// Public sign-in routes: a 401 means "not recognised", not an expired token.
const NO_REFRESH = { refreshOnUnauthorized: false } as const;

export function passkeySignInOptions(): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return apiRequest('/api/auth/passkeys/authentication/options', { method: 'POST', ...NO_REFRESH });
}

export function verifyPasskeySignIn(response: unknown): Promise<TokenResponse> {
  return apiRequest('/api/auth/passkeys/authentication/verify', { method: 'POST', body: { response }, ...NO_REFRESH });
}

/** Step-up with a passkey: options restricted to the signed-in person's own passkeys, with a challenge bound to them. */
export function passkeyStepUpOptions(): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return apiRequest('/api/auth/step-up/passkey/options', { method: 'POST' });
}

export function verifyPasskeyStepUp(response: unknown): Promise<TokenResponse> {
  // A 401 here means the passkey was refused, not an expired session: no refresh-and-retry.
  return apiRequest('/api/auth/step-up/passkey', { method: 'POST', body: { response }, ...NO_REFRESH });
}
