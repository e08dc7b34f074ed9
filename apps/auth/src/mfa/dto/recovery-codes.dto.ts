/** Shown once, right after TOTP is confirmed; only hashes are kept. */
export interface RecoveryCodesDto {
  recoveryCodes: string[];
}
