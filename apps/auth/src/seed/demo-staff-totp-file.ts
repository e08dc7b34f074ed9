import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes the demo staff's TOTP secrets, { email: base32 secret }, readable by
 * the owner alone. The launcher prints where it is; the e2e suite computes
 * codes from it. It lives in the stack's ignored secrets directory, never in git.
 */
export function writeDemoStaffTotpFile(file: string, secrets: Record<string, string>): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
}
