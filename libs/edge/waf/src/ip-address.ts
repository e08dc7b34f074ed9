/**
 * IP parsing for the blocklist. Every address becomes a 128-bit bigint; IPv4 is stored as
 * IPv4-mapped IPv6 (::ffff:a.b.c.d), so `1.2.3.4` and `::ffff:1.2.3.4` (what Node reports
 * for IPv4 clients on a dual-stack socket) are the same address.
 */
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const MAPPED_PREFIX = 0xffffn << 32n;

function parseIpv4(text: string): bigint | undefined {
  const m = IPV4.exec(text);
  if (!m) return undefined;
  const octets = m.slice(1).map(Number);
  if (octets.some((o, i) => o > 255 || (m[i + 1].length > 1 && m[i + 1].startsWith('0')))) return undefined;
  return octets.reduce((acc, o) => (acc << 8n) | BigInt(o), 0n);
}

function parseGroups(part: string): number[] | undefined {
  if (part === '') return [];
  const groups: number[] = [];
  for (const group of part.split(':')) {
    if (!/^[0-9a-f]{1,4}$/i.test(group)) return undefined;
    groups.push(parseInt(group, 16));
  }
  return groups;
}

function parseIpv6(text: string): bigint | undefined {
  let body = text.replace(/%.*$/, '');
  const tail: number[] = [];
  const v4 = /:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(body);
  if (v4) {
    const value = parseIpv4(v4[1]);
    if (value === undefined) return undefined;
    tail.push(Number(value >> 16n), Number(value & 0xffffn));
    // `::ffff:1.2.3.4` leaves `::ffff`; `::1.2.3.4` leaves `:`, which needs its second colon back.
    const before = body.slice(0, v4.index);
    body = before.endsWith(':') ? `${before}:` : before;
  }
  const halves = body.split('::');
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0]);
  const rest = halves.length === 2 ? parseGroups(halves[1]) : [];
  if (!head || !rest) return undefined;
  const explicit = head.length + rest.length + tail.length;
  if (halves.length === 1 ? explicit !== 8 : explicit > 7) return undefined;
  const groups = [...head, ...new Array<number>(8 - explicit).fill(0), ...rest, ...tail];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

/** Parses an IPv4 or IPv6 address (brackets and zone id allowed) to its 128-bit form. */
export function parseIp(text: string): bigint | undefined {
  const trimmed = text.trim().replace(/^\[|\]$/g, '');
  const v4 = parseIpv4(trimmed);
  if (v4 !== undefined) return MAPPED_PREFIX | v4;
  return trimmed.includes(':') ? parseIpv6(trimmed) : undefined;
}

export interface Cidr {
  readonly network: bigint;
  /** Prefix length in the 128-bit space (an IPv4 /24 is /120 here). */
  readonly prefix: number;
}

/** `10.0.0.0/8`, `2001:db8::/32` or a single address (a /32 or /128). */
export function parseCidr(text: string): Cidr | undefined {
  const [addressText, prefixText, ...extra] = text.trim().split('/');
  if (extra.length > 0) return undefined;
  const address = parseIp(addressText);
  if (address === undefined) return undefined;
  const isV4 = IPV4.test(addressText.trim());
  const max = isV4 ? 32 : 128;
  const given = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(given >= 0 && given <= max)) return undefined;
  const prefix = isV4 ? given + 96 : given;
  return { network: address & maskOf(prefix), prefix };
}

export function maskOf(prefix: number): bigint {
  return prefix === 0 ? 0n : ((1n << BigInt(prefix)) - 1n) << BigInt(128 - prefix);
}
