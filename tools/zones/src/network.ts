import { existsSync } from 'node:fs';
import type { StackOptions } from '../../stack/src/stack-layout';
import { type DataPorts, firewallRules, IPV6_RULES } from './firewall';
import { inNamespace, sh, shQuiet } from './shell';
import { ZONES, type ZoneSet } from './zone-layout';

/** Why zones cannot be built here, or undefined when they can (root, iproute2 with netns, iptables). */
export function zonesUnavailableReason(): string | undefined {
  if (process.getuid?.() !== 0) return 'network namespaces need root';
  if (!shQuiet('ip', ['netns', 'list'])) return '`ip netns` is not available (install iproute2)';
  if (!shQuiet('iptables-restore', ['--version'])) return 'iptables is not installed (apt-get install iptables)';
  return undefined;
}

const namespaceExists = (name: string) => existsSync(`/run/netns/${name}`);

/**
 * Removes a set of zones: kills whatever still runs inside, deletes the
 * namespaces (which deletes their veth ends, and so the host's peers).
 * Safe to call twice, or on a half-built set.
 */
export function destroyZones(zones: ZoneSet): void {
  for (const zone of ZONES) {
    const ns = zones.namespace(zone);
    if (!namespaceExists(ns)) continue;
    const pids = sh('ip', ['netns', 'pids', ns]).split('\n').filter(Boolean);
    for (const pid of pids) shQuiet('kill', ['-KILL', pid]);
    shQuiet('ip', ['netns', 'del', ns]);
  }
  // A host end survives only if creation stopped between `ip link add` and the move into a namespace.
  for (const link of zones.links) if (link.a.zone === 'host') shQuiet('ip', ['link', 'del', link.a.iface]);
}

/** Builds the zones from scratch (an earlier set with the same prefix is destroyed first, so this is idempotent). */
export function createZones(zones: ZoneSet, stack: StackOptions, data: DataPorts): void {
  destroyZones(zones);
  try {
    for (const zone of ZONES) {
      const ns = zones.namespace(zone);
      sh('ip', ['netns', 'add', ns]);
      inNamespace(ns, 'ip', ['link', 'set', 'lo', 'up']);
      if (zone !== 'edge') inNamespace(ns, 'ip', ['addr', 'add', `${zones.serviceAddress(zone)}/32`, 'dev', 'lo']);
      // Firewall before any link exists, so there is never an open moment.
      inNamespace(ns, 'iptables-restore', [], firewallRules(zones, zone, stack, data));
      inNamespace(ns, 'ip6tables-restore', [], IPV6_RULES);
    }
    for (const { a, b } of zones.links) {
      sh('ip', ['link', 'add', a.iface, 'type', 'veth', 'peer', 'name', b.iface]);
      for (const end of [a, b]) {
        if (end.zone === 'host') {
          sh('ip', ['addr', 'add', `${end.address}/30`, 'dev', end.iface]);
          sh('ip', ['link', 'set', end.iface, 'up']);
        } else {
          const ns = zones.namespace(end.zone);
          sh('ip', ['link', 'set', end.iface, 'netns', ns]);
          inNamespace(ns, 'ip', ['addr', 'add', `${end.address}/30`, 'dev', end.iface]);
          inNamespace(ns, 'ip', ['link', 'set', end.iface, 'up']);
        }
      }
    }
    for (const route of zones.routes) inNamespace(zones.namespace(route.zone), 'ip', ['route', 'add', `${route.to}/32`, 'via', route.via]);
  } catch (error) {
    destroyZones(zones);
    throw error;
  }
}
