/** The answer to a role grant or revocation. */
export interface RoleChangeDto {
  userId: string;
  role: string;
  granted: boolean;
  /** Sessions ended (a revocation ends them all, so the change applies at once). */
  sessionsEnded: number;
}
