import { apiRequest } from './http';
import { CSRF_HEADER } from './session';

export interface TokenResponse {
  accessToken: string;
  expiresIn: number;
}

export interface MfaChallenge {
  mfaRequired: true;
  mfaToken: string;
}

export type LoginResponse = TokenResponse | MfaChallenge;

export function isMfaChallenge(response: LoginResponse): response is MfaChallenge {
  return 'mfaRequired' in response && response.mfaRequired === true;
}

export interface RegisterInput {
  email: string;
  password: string;
  name: string;
}

// Auth endpoints answer 401 for bad credentials; that must not trigger a token refresh.
const NO_REFRESH = { refreshOnUnauthorized: false } as const;

export function register(input: RegisterInput): Promise<unknown> {
  return apiRequest('/api/auth/register', { method: 'POST', body: input, ...NO_REFRESH });
}

export function login(email: string, password: string): Promise<LoginResponse> {
  return apiRequest('/api/auth/login', { method: 'POST', body: { email, password }, ...NO_REFRESH });
}

export function verifyMfa(mfaToken: string, code: string): Promise<TokenResponse> {
  return apiRequest('/api/auth/mfa/verify', { method: 'POST', body: { mfaToken, code }, ...NO_REFRESH });
}

export function logout(): Promise<unknown> {
  return apiRequest('/api/auth/logout', { method: 'POST', headers: { ...CSRF_HEADER }, ...NO_REFRESH });
}

export interface TotpEnrollment {
  secret: string;
  otpauthUrl: string;
  qrCodeDataUrl: string;
}

export function enrollTotp(): Promise<TotpEnrollment> {
  return apiRequest('/api/auth/mfa/totp/enroll', { method: 'POST' });
}

export function confirmTotp(code: string): Promise<{ recoveryCodes: string[] }> {
  return apiRequest('/api/auth/mfa/totp/confirm', { method: 'POST', body: { code } });
}
