/** One registered passkey as the Security page lists it. Never the key material. */
export interface PasskeyDto {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  /** Synced to a cloud account (e.g. a phone's password manager) rather than bound to one device. */
  backedUp: boolean;
}
