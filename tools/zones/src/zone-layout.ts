import { SERVICES } from '../../stack/src/stack-layout';

export const ZONES = ['edge', 'app', 'vault'] as const;
export type Zone = (typeof ZONES)[number];

/** Which zone each service runs in (ARCHITECTURE.md's services table). */
export const SERVICE_ZONES: Record<string, Zone> = {
  gateway: 'edge',
  auth: 'app',
  catalog: 'app',
  order: 'app',
  monitor: 'app',
  'payment-vault': 'vault',
  kms: 'vault',
};

/**
 * Each service runs with its own group id. The zones' firewalls match it
 * (iptables owner match), so inside one zone only the gateway may leave for
 * the app zone, only the gateway and order may call the vault, and only the
 * vault may post its events to the monitor. A probe in the same zone does not.
 */
export const SERVICE_GIDS: Record<string, number> = Object.fromEntries(SERVICES.map((s, index) => [s.name, 64_800 + index]));

export interface ZoneSetOptions {
  /** Names every namespace and host interface: `${prefix}-edge`, `${prefix}-he`... At most 11 characters. */
  prefix: string;
  /** Second octet of the zones' private addresses: 10.<octet>.0.0/16. */
  octet: number;
}

/**
 * Every name and address of one set of zones. Three namespaces joined by
 * point-to-point veth pairs (no bridge, no forwarding: a zone reaches only
 * what it has a link to):
 *
 *   host ──he/eh── edge ──ea/ae── app ──av/va── vault
 *     │              └──────────ev/ve────────────┘
 *     └──ha/ah── app   (data link: host PostgreSQL and Redis, via the launcher's proxies)
 *
 * Each zone's services listen on a service address on its loopback; peers
 * route to it over their link.
 */
export class ZoneSet {
  readonly prefix: string;
  private readonly net: string;

  constructor(readonly options: ZoneSetOptions) {
    if (!/^[a-z][a-z0-9]{0,10}$/.test(options.prefix)) throw new Error(`zone prefix ${options.prefix} must be 1-11 lower-case letters or digits`);
    if (!Number.isInteger(options.octet) || options.octet < 0 || options.octet > 255) throw new Error(`octet ${options.octet} out of range`);
    this.prefix = options.prefix;
    this.net = `10.${options.octet}`;
  }

  namespace(zone: Zone): string {
    return `${this.prefix}-${zone}`;
  }

  /** A veth end, named after the two zones it joins (h = host), e.g. sf-ea is edge's end towards app. */
  iface(from: 'h' | 'e' | 'a' | 'v', to: 'h' | 'e' | 'a' | 'v'): string {
    return `${this.prefix}-${from}${to}`;
  }

  /** The gateway's public address: the only one the host can reach. */
  get publicAddress(): string {
    return `${this.net}.0.2`;
  }

  /** The host's end of the public link; the gateway's Redis proxy listens here. */
  get hostPublicAddress(): string {
    return `${this.net}.0.1`;
  }

  /** The host's end of the app zone's data link; the PostgreSQL and Redis proxies listen here. */
  get hostDataAddress(): string {
    return `${this.net}.1.1`;
  }

  /** Where a zone's services listen, as its peers see it. */
  serviceAddress(zone: Zone): string {
    return zone === 'edge' ? this.publicAddress : `${this.net}.10.${ZONES.indexOf(zone) + 1}`;
  }

  /** The point-to-point links: [namespace or host, interface, address/30] for each end. */
  get links(): Array<{ a: LinkEnd; b: LinkEnd }> {
    const n = this.net;
    const end = (zone: Zone | 'host', iface: string, address: string): LinkEnd => ({ zone, iface, address });
    return [
      { a: end('host', this.iface('h', 'e'), `${n}.0.1`), b: end('edge', this.iface('e', 'h'), `${n}.0.2`) },
      { a: end('host', this.iface('h', 'a'), `${n}.1.1`), b: end('app', this.iface('a', 'h'), `${n}.1.2`) },
      { a: end('edge', this.iface('e', 'a'), `${n}.2.1`), b: end('app', this.iface('a', 'e'), `${n}.2.2`) },
      { a: end('app', this.iface('a', 'v'), `${n}.3.1`), b: end('vault', this.iface('v', 'a'), `${n}.3.2`) },
      { a: end('edge', this.iface('e', 'v'), `${n}.4.1`), b: end('vault', this.iface('v', 'e'), `${n}.4.2`) },
    ];
  }

  /** Host routes to other zones' service addresses, by zone: [destination, via]. No zone has a default route. */
  get routes(): Array<{ zone: Zone; to: string; via: string }> {
    const n = this.net;
    return [
      { zone: 'edge', to: this.serviceAddress('app'), via: `${n}.2.2` },
      { zone: 'edge', to: this.serviceAddress('vault'), via: `${n}.4.2` },
      { zone: 'app', to: this.serviceAddress('vault'), via: `${n}.3.2` },
      // Only for the vault's security events to the monitor (and the firewall narrows it to that port).
      { zone: 'vault', to: this.serviceAddress('app'), via: `${n}.3.1` },
    ];
  }

  /** Every address a service may be called at, for the certificates' SAN. */
  get certificateAddresses(): string[] {
    return ZONES.map((zone) => this.serviceAddress(zone));
  }

  /** Scratch space outside the repository, so the postgres user can reach the vault's database files. */
  get scratchDir(): string {
    return `/tmp/${this.prefix}-zones`;
  }
}

export interface LinkEnd {
  zone: Zone | 'host';
  iface: string;
  address: string;
}

export function zoneOf(service: string): Zone {
  const zone = SERVICE_ZONES[service];
  if (!zone) throw new Error(`no zone for service ${service}`);
  return zone;
}
