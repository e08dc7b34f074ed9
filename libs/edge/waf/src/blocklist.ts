import { maskOf, parseCidr } from './ip-address';
import { SCANNER_USER_AGENTS } from './rules/scanner.rules';

/** Default bad user agents: the scanners of rule 913100 plus bare tools no browser sends. */
export const DEFAULT_BAD_USER_AGENTS: readonly string[] = [...SCANNER_USER_AGENTS, 'python-requests', 'go-http-client', 'libwww-perl', 'lwp-trivial', 'wget/', 'scrapy', 'httpclient', 'zgrab'];

export interface BlocklistEntries {
  /** Addresses and CIDR ranges, IPv4 or IPv6: `203.0.113.7`, `198.51.100.0/24`, `2001:db8::/32`. */
  readonly ips?: readonly string[];
  /** Case-insensitive substrings of a User-Agent. Defaults to DEFAULT_BAD_USER_AGENTS. */
  readonly userAgents?: readonly string[];
}

export interface Blocklist {
  /** The entry that contains this client address (IPv4, IPv6 or IPv4-mapped IPv6), or undefined. */
  matchIp(ip: string): string | undefined;
  /** The list entry found in this User-Agent, or undefined. An empty or missing UA is not a match. */
  matchUserAgent(userAgent: string | undefined): string | undefined;
  readonly size: { readonly ips: number; readonly userAgents: number };
}

export class InvalidBlocklistEntryError extends Error {
  constructor(readonly entries: readonly string[]) {
    super(`invalid IP/CIDR blocklist entries: ${entries.join(', ')}`);
  }
}

/**
 * Builds an immutable matcher. Rebuild it when the list changes and swap the reference:
 * there is no shared mutable state, so a reload never races an inspection.
 * Throws InvalidBlocklistEntryError naming every bad entry, so a broken list never half-loads.
 */
export function createBlocklist(entries: BlocklistEntries): Blocklist {
  const byPrefix = new Map<number, Map<bigint, string>>();
  const invalid: string[] = [];
  for (const entry of entries.ips ?? []) {
    const cidr = parseCidr(entry);
    if (!cidr) {
      invalid.push(entry);
      continue;
    }
    const networks = byPrefix.get(cidr.prefix) ?? new Map<bigint, string>();
    networks.set(cidr.network, entry.trim());
    byPrefix.set(cidr.prefix, networks);
  }
  if (invalid.length > 0) throw new InvalidBlocklistEntryError(invalid);
  // One set lookup per distinct prefix length, longest first: cost does not grow with the list.
  const prefixes = [...byPrefix.keys()].sort((a, b) => b - a).map((prefix) => ({ mask: maskOf(prefix), networks: byPrefix.get(prefix) ?? new Map<bigint, string>() }));
  const userAgents = (entries.userAgents ?? DEFAULT_BAD_USER_AGENTS).map((ua) => ua.trim().toLowerCase()).filter((ua) => ua !== '');

  return {
    matchIp(ip) {
      const parsed = parseCidr(ip);
      if (!parsed || parsed.prefix !== 128) return undefined;
      for (const { mask, networks } of prefixes) {
        const hit = networks.get(parsed.network & mask);
        if (hit !== undefined) return hit;
      }
      return undefined;
    },
    matchUserAgent(userAgent) {
      if (!userAgent) return undefined;
      const lower = userAgent.toLowerCase();
      return userAgents.find((ua) => lower.includes(ua));
    },
    size: { ips: [...byPrefix.values()].reduce((n, m) => n + m.size, 0), userAgents: userAgents.length },
  };
}
