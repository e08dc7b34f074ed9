import { existsSync } from 'node:fs';
import { inNamespace, sh, shQuiet } from '../../../tools/zones/src/shell';

/** Where the gateway answers on the edge zone, and the edge namespace it runs in. */
export interface Gateway {
  namespace: string;
  address: string;
  port: number;
}

/**
 * One more namespace beside a set of zones: "the internet" as far as the
 * gateway can tell, holding two public addresses far apart on the map.
 * Joined straight to the edge zone by its own veth pair, like a second
 * uplink:
 *
 *   <prefix>-travel (addresses on lo) ──te/et── <prefix>-edge: gateway
 *
 * The addresses are borrowed from real networks (geoip-lite knows no
 * documentation range), but no packet ever leaves the machine: the travel
 * namespace has no default route and one link, to the edge zone, which
 * routes only those two /32s back to it.
 */
export interface TravelNetwork {
  namespace: string;
  addresses: string[];
  /** Removes the namespace (and so both veth ends and the edge's routes through them) and the edge's firewall rules. Idempotent. */
  close(): void;
}

/** The edge's and the travel namespace's ends of the link: a /30 the zones leave unused (they use .0 to .4 and .10). */
const LINK_SUBNET = 20;

export function openTravelNetwork(options: { prefix: string; net: string; gateway: Gateway; addresses: string[] }): TravelNetwork {
  const { prefix, net, gateway, addresses } = options;
  const ns = `${prefix}-travel`;
  const edgeIface = `${prefix}-et`;
  const travelIface = `${prefix}-te`;
  const edgeEnd = `${net}.${LINK_SUBNET}.1`;
  const travelEnd = `${net}.${LINK_SUBNET}.2`;
  // As narrow as the zone's own rule for the host: this link, these sources, the gateway's address and HTTPS port.
  const edgeRule = (address: string) => ['-i', edgeIface, '-s', `${address}/32`, '-d', `${gateway.address}/32`, '-p', 'tcp', '--dport', String(gateway.port), '-j', 'ACCEPT'];

  const close = () => {
    if (existsSync(`/run/netns/${ns}`)) {
      for (const pid of sh('ip', ['netns', 'pids', ns]).split('\n').filter(Boolean)) shQuiet('kill', ['-KILL', pid]);
      shQuiet('ip', ['netns', 'del', ns]);
    }
    // Only left in the host if creation stopped half-way; deleting either veth end deletes its peer.
    shQuiet('ip', ['link', 'del', edgeIface]);
    if (existsSync(`/run/netns/${gateway.namespace}`)) {
      for (const address of addresses) shQuiet('ip', ['netns', 'exec', gateway.namespace, 'iptables', '-D', 'INPUT', ...edgeRule(address)]);
    }
  };

  close();
  try {
    sh('ip', ['netns', 'add', ns]);
    inNamespace(ns, 'ip', ['link', 'set', 'lo', 'up']);
    for (const address of addresses) inNamespace(ns, 'ip', ['addr', 'add', `${address}/32`, 'dev', 'lo']);
    // The edge zone's firewall first (before the link exists), just ahead of its closing REJECT rules, so the rules above keep their order.
    for (const address of addresses) inNamespace(gateway.namespace, 'iptables', ['-I', 'INPUT', String(firstRejectPosition(gateway.namespace)), ...edgeRule(address)]);
    sh('ip', ['link', 'add', edgeIface, 'netns', gateway.namespace, 'type', 'veth', 'peer', 'name', travelIface, 'netns', ns]);
    for (const [namespace, iface, address] of [
      [gateway.namespace, edgeIface, edgeEnd],
      [ns, travelIface, travelEnd],
    ]) {
      inNamespace(namespace, 'ip', ['addr', 'add', `${address}/30`, 'dev', iface]);
      inNamespace(namespace, 'ip', ['link', 'set', iface, 'up']);
    }
    // Both ways, host routes only: the edge learns the two far-away addresses, the travel namespace the gateway's.
    for (const address of addresses) inNamespace(gateway.namespace, 'ip', ['route', 'add', `${address}/32`, 'via', travelEnd]);
    inNamespace(ns, 'ip', ['route', 'add', `${gateway.address}/32`, 'via', edgeEnd]);
  } catch (error) {
    close();
    throw error;
  }
  return { namespace: ns, addresses, close };
}

/** The 1-based position of the first REJECT rule of a namespace's INPUT chain (the zones' firewalls end with them). */
function firstRejectPosition(namespace: string): number {
  const rules = inNamespace(namespace, 'iptables', ['-S', 'INPUT'])
    .split('\n')
    .filter((line) => line.startsWith('-A '));
  const index = rules.findIndex((line) => line.includes('-j REJECT'));
  return index === -1 ? rules.length + 1 : index + 1;
}
