// Types for the TypeScript callers of totp-sign-in.mjs (e2e/support/staff-sign-in.ts).
export interface SignInResponse {
  status: number;
  body: unknown;
}

export const TOTP_STEP_SECONDS: number;
export function totpStepAt(ms: number): number;
export function waitForNextTotpStep(): Promise<void>;
export function signInWithTotp<R extends SignInResponse>(steps: {
  login: () => Promise<R>;
  verify: (mfaToken: string, code: string) => Promise<R>;
  code: () => Promise<string>;
  waitForNextStep?: () => Promise<void>;
}): Promise<R>;
