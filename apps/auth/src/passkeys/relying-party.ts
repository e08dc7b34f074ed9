import type { AuthConfig } from '../config/auth.config';

/** Who the passkeys belong to, as WebAuthn names it. */
export interface RelyingParty {
  /** Shown by the browser and the authenticator. */
  name: string;
  /** The store's host: a passkey works on this site (and its subdomains) and nowhere else. */
  id: string;
  /** The exact origin a response must come from: a look-alike phishing site gets nothing usable. */
  origin: string;
}

export function relyingPartyFrom(config: Pick<AuthConfig, 'PUBLIC_ORIGIN'>): RelyingParty {
  return { name: 'Storefront', id: new URL(config.PUBLIC_ORIGIN).hostname, origin: config.PUBLIC_ORIGIN };
}
