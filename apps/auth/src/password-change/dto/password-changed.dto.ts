/** The answer to a password change: how many other signed-in sessions were ended. */
export interface PasswordChangedDto {
  otherSessionsEnded: number;
}
