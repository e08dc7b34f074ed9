import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';

const B64URL = /^[A-Za-z0-9_-]+={0,2}$/;
const MAX_FIELD = 16_384;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isB64 = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_FIELD && B64URL.test(value);
const isOptionalB64 = (value: unknown): boolean => value === undefined || value === null || isB64(value);

/**
 * Shape checks before SimpleWebAuthn sees a response: it verifies the
 * cryptography, but a missing or mistyped field should be a clear 400 here,
 * never a TypeError (500) deep inside the library.
 */
export function asRegistrationResponse(value: Record<string, unknown>): RegistrationResponseJSON | null {
  const response = value.response;
  if (!isB64(value.id) || !isB64(value.rawId) || value.type !== 'public-key' || !isRecord(response)) return null;
  if (!isB64(response.clientDataJSON) || !isB64(response.attestationObject)) return null;
  if (response.transports !== undefined && !(Array.isArray(response.transports) && response.transports.every((t) => typeof t === 'string'))) return null;
  return value as unknown as RegistrationResponseJSON;
}

export function asAuthenticationResponse(value: Record<string, unknown>): AuthenticationResponseJSON | null {
  const response = value.response;
  if (!isB64(value.id) || !isB64(value.rawId) || value.type !== 'public-key' || !isRecord(response)) return null;
  if (!isB64(response.clientDataJSON) || !isB64(response.authenticatorData) || !isB64(response.signature)) return null;
  if (!isOptionalB64(response.userHandle)) return null;
  return value as unknown as AuthenticationResponseJSON;
}
