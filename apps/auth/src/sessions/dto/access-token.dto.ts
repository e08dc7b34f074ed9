/** The body of every successful sign-in, MFA verification and refresh. The refresh token travels only in the cookie. */
export interface AccessTokenDto {
  accessToken: string;
  expiresIn: number;
}
