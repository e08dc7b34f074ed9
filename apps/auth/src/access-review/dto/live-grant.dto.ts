/** A staff role a user holds today, with its last recorded use. */
export interface LiveGrantDto {
  id: string;
  userId: string;
  email: string;
  role: string;
  grantedAt: string;
  /** "seed", "migration" or the granting admin's user id. */
  grantedBy: string;
  /** Null when it was never used since it was granted. */
  lastUsedAt: string | null;
}
