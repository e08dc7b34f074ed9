/** Everything an authenticator app needs; the secret is shown for manual entry. */
export interface TotpEnrollmentDto {
  secret: string;
  otpauthUrl: string;
  qrCodeDataUrl: string;
}
