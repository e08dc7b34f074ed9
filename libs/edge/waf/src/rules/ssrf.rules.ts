import type { InspectionTarget, WafRule } from '../waf.types';

/**
 * Server-side request forgery (CRS 934110-934140 in spirit). The shop never takes a URL to
 * an internal address from a client, so any URL whose host is loopback, private, link-local
 * or a cloud metadata endpoint is an attack, in whatever notation the IP is written:
 * 2130706433, 0x7f000001, 0177.0.0.1 and 127.1 are all 127.0.0.1 to inet_aton.
 */
// Values the shop could be tricked into fetching. Not Origin, Referer or Host: browsers fill those with the
// store's own address, which on a development machine is localhost, and the store never fetches them.
const TARGETS = ['argValue', 'cookie'] as const;

const URL_AUTHORITY = /\b([a-z][a-z0-9+.-]{1,15}):\/\/([^\s/?#"'<>\\]{1,255})/g;
const METADATA_HOSTS = /^(?:metadata(?:\.google\.internal)?|metadata\.azure\.com|instance-data(?:\.ec2\.internal)?|100\.100\.100\.200|fd00:ec2::254)$/;
const INTERNAL_NAMES = /(?:^|\.)(?:localhost|localdomain|internal|local|intranet|corp|home\.arpa)$/;
/** Wildcard-DNS services that resolve `127.0.0.1.nip.io` to the embedded address. */
const EMBEDDED_IP_DNS = /^(?:.*?[.-])?(\d{1,3}[.-]\d{1,3}[.-]\d{1,3}[.-]\d{1,3})\.(?:nip\.io|xip\.io|sslip\.io|localtest\.me)$/;

/** inet_aton semantics: 1 to 4 parts, each decimal, 0x-hex or 0-octal; the last part fills the remaining bytes. */
export function parseLooseIpv4(host: string): number | undefined {
  const parts = host.split('.');
  if (parts.length < 1 || parts.length > 4) return undefined;
  const values: number[] = [];
  for (const part of parts) {
    let value: number;
    if (/^0x[0-9a-f]{1,8}$/.test(part)) value = parseInt(part.slice(2), 16);
    else if (/^0[0-7]{1,11}$/.test(part)) value = parseInt(part, 8);
    else if (/^\d{1,10}$/.test(part)) value = parseInt(part, 10);
    else return undefined;
    values.push(value);
  }
  const last = values.pop() ?? 0;
  if (values.some((v) => v > 255) || last >= 2 ** (8 * (4 - values.length))) return undefined;
  return values.reduce((acc, v, i) => acc + v * 2 ** (8 * (3 - i)), 0) + last;
}

function isInternalIpv4(ip: number): boolean {
  const a = Math.floor(ip / 2 ** 24);
  const b = Math.floor(ip / 2 ** 16) % 256;
  return (
    a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || ip === 0xffffffff
  );
}

function isInternalIpv6(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (h === '::1' || h === '::' || /^0{0,4}(?::0{0,4}){0,6}:0{0,3}1$/.test(h)) return true;
  if (/^f[cd][0-9a-f]{2}:/.test(h) || /^fe[89ab][0-9a-f]:/.test(h)) return true;
  const mapped = /^(?:0{0,4}:){0,5}(?:ffff:)?((?:\d{1,3}\.){3}\d{1,3})$|^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(h);
  if (!mapped) return false;
  const ip = mapped[1] !== undefined ? parseLooseIpv4(mapped[1]) : parseInt(mapped[2], 16) * 65536 + parseInt(mapped[3], 16);
  return ip !== undefined && isInternalIpv4(ip);
}

/** True for a URL host that points inside the data centre. */
export function isInternalHost(rawHost: string): boolean {
  const host = rawHost.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[') || (host.includes(':') && !host.includes('.'))) return isInternalIpv6(host);
  if (METADATA_HOSTS.test(host) || INTERNAL_NAMES.test(host)) return true;
  const embedded = EMBEDDED_IP_DNS.exec(host);
  if (embedded) return isInternalHost(embedded[1].replace(/-/g, '.'));
  const ip = parseLooseIpv4(host);
  return ip !== undefined && isInternalIpv4(ip);
}

function hostOf(authority: string): string {
  const withoutUser = authority.slice(authority.lastIndexOf('@') + 1);
  if (withoutUser.startsWith('[')) return withoutUser.slice(0, withoutUser.indexOf(']') + 1);
  return withoutUser.replace(/:\d*$/, '');
}

function urlsToInternalHosts(target: InspectionTarget): boolean {
  const text = target.variant('text');
  if (!text.includes('://')) return false;
  for (const match of text.matchAll(URL_AUTHORITY)) {
    if (isInternalHost(hostOf(match[2]))) return true;
  }
  return false;
}

export const SSRF_RULES: readonly WafRule[] = [
  {
    id: 934110,
    attackClass: 'ssrf',
    paranoiaLevel: 1,
    severity: 'critical',
    description: 'URL to a loopback, private, link-local or metadata host, in any IP notation',
    targets: TARGETS,
    detect: urlsToInternalHosts,
    positives: [
      'http://169.254.169.254/latest/meta-data/',
      'http://127.0.0.1:6379/',
      'http://localhost/admin',
      'http://2130706433/',
      'http://0x7f000001/',
      'http://0177.0.0.1/',
      'http://127.1/',
      'http://[::1]:8080/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:7f00:1]/',
      'https://evil.example@10.0.0.5/',
      'http://metadata.google.internal/computeMetadata/v1/',
      'http://127.0.0.1.nip.io/',
      'http://192.168.1.1/',
      'http%3A%2F%2F169.254.169.254%2F',
      'http://0/',
    ],
    negatives: ['https://example.com/product/42', 'http://8.8.8.8/', 'see https://shop.example/returns', 'version 10.0.0.5 notes', 'http://172.32.0.1/'],
  },
  {
    id: 934120,
    attackClass: 'ssrf',
    paranoiaLevel: 1,
    severity: 'critical',
    description: 'Schemes that reach internal services without HTTP: file:, gopher:, dict:, ldap:, tftp:, netdoc:',
    targets: TARGETS,
    variant: 'text',
    patterns: [/\b(?:file|gopher|dict|ldap|ldaps|tftp|netdoc|sftp|jar)\s*:\/\/?/, /^file:/],
    positives: ['file:///etc/passwd', 'gopher://127.0.0.1:6379/_SET', 'dict://localhost:11211/stat', 'ldap://evil.example/x', 'FILE:///c:/windows/win.ini'],
    negatives: ['profile: shopper', 'dictionary://none', 'file cabinet'],
  },
  {
    id: 934140,
    attackClass: 'ssrf',
    paranoiaLevel: 1,
    severity: 'critical',
    description: 'Cloud metadata addresses anywhere in a value, with or without a scheme',
    targets: TARGETS,
    variant: 'text',
    patterns: [/(?:^|[^\d.])169\.254\.169\.254(?:$|[^\d])/, /\bmetadata\.google\.internal\b/, /\/latest\/meta-data\b/, /\/computemetadata\/v1\b/, /\bfd00:ec2::254\b/],
    positives: ['169.254.169.254', '//169.254.169.254/latest/meta-data/iam/', 'metadata.google.internal'],
    negatives: ['169.254.169.2540', 'meta data guide'],
  },
];
