import { describe, expect, it } from 'vitest';
import { asAuthenticationResponse, asRegistrationResponse } from './webauthn-responses';

const registration = { id: 'abc', rawId: 'abc', type: 'public-key', response: { clientDataJSON: 'eyJ9', attestationObject: 'o2Nm', transports: ['internal'] }, clientExtensionResults: {} };
const authentication = { id: 'abc', rawId: 'abc', type: 'public-key', response: { clientDataJSON: 'eyJ9', authenticatorData: 'SZYN', signature: 'MEUC', userHandle: 'dXNlcg' }, clientExtensionResults: {} };

describe('WebAuthn response shape checks', () => {
  it('accepts well-formed responses', () => {
    expect(asRegistrationResponse(registration)).not.toBeNull();
    expect(asAuthenticationResponse(authentication)).not.toBeNull();
    expect(asAuthenticationResponse({ ...authentication, response: { ...authentication.response, userHandle: undefined } })).not.toBeNull();
  });

  it('refuses missing, mistyped or non-base64url fields', () => {
    expect(asRegistrationResponse({ ...registration, type: 'password' })).toBeNull();
    expect(asRegistrationResponse({ ...registration, response: { clientDataJSON: 'eyJ9' } })).toBeNull();
    expect(asRegistrationResponse({ ...registration, response: { ...registration.response, transports: 'usb' } })).toBeNull();
    expect(asAuthenticationResponse({ ...authentication, id: 'a b' })).toBeNull();
    expect(asAuthenticationResponse({ ...authentication, response: { ...authentication.response, signature: { $ne: '' } } })).toBeNull();
    expect(asAuthenticationResponse({ ...authentication, response: [] })).toBeNull();
  });
});
