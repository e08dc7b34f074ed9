import { scrubPans } from '@storefront/shared/cards';

/**
 * Field names whose values never reach a log, at any depth. One list for the
 * whole platform so a new secret is redacted everywhere by adding it here.
 */
export const SENSITIVE_FIELD_NAMES = [
  'authorization',
  'cookie',
  'set-cookie',
  'password',
  'newPassword',
  'token',
  'accessToken',
  'refreshToken',
  'mfaToken',
  'cardToken',
  'secret',
  'number',
  'pan',
  'cvc',
  'cvv',
  'totp',
  'otp',
  'recoveryCode',
  'recoveryCodes',
  'dataKey',
  'plaintext',
  'Plaintext',
  'CiphertextBlob',
  'privateKey',
] as const;

export const REDACTED = '[REDACTED]';

const MAX_DEPTH = 5;

/** Expands the names into pino redact paths: `password`, `*.password`, `*.*.password`, ... */
export function sensitivePaths(depth = MAX_DEPTH): string[] {
  return SENSITIVE_FIELD_NAMES.flatMap((name) =>
    Array.from({ length: depth }, (_, level) => {
      const wildcards = Array<string>(level).fill('*').join('.');
      if (/^[A-Za-z_$][\w$]*$/.test(name)) return wildcards ? `${wildcards}.${name}` : name;
      return `${wildcards}["${name}"]`; // names such as set-cookie need bracket notation
    }),
  );
}

/**
 * Content redaction applied to each finished log line: any Luhn-valid card
 * number becomes [PAN]. A bare JSON number is replaced by a quoted string so
 * the line stays valid JSON.
 */
export function scrubLogLine(line: string): string {
  const scrubbed = scrubPans(line);
  return scrubbed === line ? line : scrubbed.replace(/([:[,])\[PAN\]/g, '$1"[PAN]"');
}
