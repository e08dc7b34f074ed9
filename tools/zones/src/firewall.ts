import { servicePort, type StackOptions } from '../../stack/src/stack-layout';
import { SERVICE_GIDS, type Zone, type ZoneSet } from './zone-layout';

/** Ports of the data the app zone may reach on the host (through the launcher's proxies). */
export interface DataPorts {
  postgres: number;
  redis: number;
}

const HEADER = [
  '*filter',
  // Default deny both ways: a zone accepts and opens only what is listed below.
  ':INPUT DROP [0:0]',
  ':FORWARD DROP [0:0]',
  ':OUTPUT DROP [0:0]',
  '-A INPUT -i lo -j ACCEPT',
  '-A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT',
  '-A OUTPUT -o lo -j ACCEPT',
  '-A OUTPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT',
];
// Refuse loudly rather than drop: probes and port scans get a fast, unambiguous answer.
const FOOTER = [
  '-A INPUT -p tcp -j REJECT --reject-with tcp-reset',
  '-A INPUT -j REJECT --reject-with icmp-port-unreachable',
  '-A OUTPUT -p tcp -j REJECT --reject-with tcp-reset',
  '-A OUTPUT -j REJECT --reject-with icmp-port-unreachable',
  'COMMIT',
  '',
];

const ports = (options: StackOptions, ...services: string[]) => services.map((s) => servicePort(options, s)).join(',');
const asService = (service: string) => `-m owner --gid-owner ${SERVICE_GIDS[service]}`;

/** The iptables-restore input for one zone: who may come in on which link, and who may go out to where. */
export function firewallRules(zones: ZoneSet, zone: Zone, stack: StackOptions, data: DataPorts): string {
  const app = zones.serviceAddress('app');
  const vault = zones.serviceAddress('vault');
  const vaultPort = servicePort(stack, 'payment-vault');
  const rules: Record<Zone, string[]> = {
    edge: [
      // The host (the public side) reaches the gateway's HTTPS port and nothing else.
      `-A INPUT -i ${zones.iface('e', 'h')} -d ${zones.publicAddress} -p tcp --dport ${servicePort(stack, 'gateway')} -j ACCEPT`,
      // Only the gateway process leaves the edge: to the app zone's services, the vault's tokenize door, and Redis.
      `-A OUTPUT ${asService('gateway')} -d ${app} -p tcp -m multiport --dports ${ports(stack, 'auth', 'catalog', 'order', 'monitor')} -j ACCEPT`,
      `-A OUTPUT ${asService('gateway')} -d ${vault} -p tcp --dport ${vaultPort} -j ACCEPT`,
      `-A OUTPUT ${asService('gateway')} -d ${zones.hostPublicAddress} -p tcp --dport ${data.redis} -j ACCEPT`,
    ],
    app: [
      `-A INPUT -i ${zones.iface('a', 'e')} -d ${app} -p tcp -m multiport --dports ${ports(stack, 'auth', 'catalog', 'order', 'monitor')} -j ACCEPT`,
      `-A INPUT -i ${zones.iface('a', 'v')} -d ${app} -p tcp --dport ${servicePort(stack, 'monitor')} -j ACCEPT`,
      `-A OUTPUT -d ${zones.hostDataAddress} -p tcp -m multiport --dports ${data.postgres},${data.redis} -j ACCEPT`,
      // Of the whole app zone, only the order service may open a connection to the vault, and only to its port.
      `-A OUTPUT ${asService('order')} -d ${vault} -p tcp --dport ${vaultPort} -j ACCEPT`,
    ],
    vault: [
      `-A INPUT -i ${zones.iface('v', 'a')} -d ${vault} -p tcp --dport ${vaultPort} -j ACCEPT`,
      `-A INPUT -i ${zones.iface('v', 'e')} -d ${vault} -p tcp --dport ${vaultPort} -j ACCEPT`,
      // The one way out of the vault zone: the vault's own security events to the monitor's ingest.
      `-A OUTPUT ${asService('payment-vault')} -d ${app} -p tcp --dport ${servicePort(stack, 'monitor')} -j ACCEPT`,
    ],
  };
  return [...HEADER, ...rules[zone], ...FOOTER].join('\n');
}

/** IPv6 is not used inside the zones at all. */
export const IPV6_RULES = ['*filter', ':INPUT DROP [0:0]', ':FORWARD DROP [0:0]', ':OUTPUT DROP [0:0]', '-A INPUT -i lo -j ACCEPT', '-A OUTPUT -o lo -j ACCEPT', 'COMMIT', ''].join('\n');
