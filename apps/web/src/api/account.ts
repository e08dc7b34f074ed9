import { apiRequest } from './http';

export interface Profile {
  id: string;
  email: string;
  name: string;
  roles: string[];
  mfa: { totp: boolean };
}

export function getMe(signal?: AbortSignal): Promise<Profile> {
  return apiRequest('/api/me', { signal });
}
