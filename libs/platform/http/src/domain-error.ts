import type { HttpStatus } from '@nestjs/common';

/**
 * The only error a service's own code throws. It carries a stable code for
 * clients and the HTTP status the feature's exhaustive map assigned to it.
 */
export class DomainError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly status: HttpStatus | number,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/**
 * Builds a feature's error factory from its code→status map. The map is a
 * Record over the feature's error enum, so a code without a status does not compile.
 */
export function domainErrorFactory<Code extends string>(statusByCode: Record<Code, HttpStatus>) {
  return (code: Code, message: string, details?: Record<string, unknown>) =>
    new DomainError(code, message, statusByCode[code], details);
}
