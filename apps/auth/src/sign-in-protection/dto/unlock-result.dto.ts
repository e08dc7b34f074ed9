/** The account after a staff unlock: not locked, no failures counted. */
export interface UnlockResultDto {
  id: string;
  locked: false;
  failedAttempts: 0;
}
