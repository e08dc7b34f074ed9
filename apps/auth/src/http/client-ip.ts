import { isIP } from 'node:net';

/**
 * The caller's IP from `x-forwarded-for`. Trusted only because mutual TLS
 * lets nothing but the gateway call these routes. The LAST entry is taken:
 * it is the one the gateway wrote; anything to its left came from the
 * client and could be forged.
 */
export function clientIpFrom(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header.join(',') : header;
  const last = value?.split(',').pop()?.trim();
  return last && isIP(last) ? last : undefined;
}
