import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import { createWaf, STOREFRONT_EXCLUSIONS, type Waf, type WafMatch } from '@storefront/edge/waf';
import { SecurityEventPublisher } from '@storefront/platform/events';
import { clientIp } from '../client-ip';
import { EdgeBlocklist } from './edge-blocklist';

export interface ShieldRefusal {
  code: 'REQUEST_BLOCKED' | 'SOURCE_BLOCKED';
  message: string;
  /** Quoted to the user and in the event and log line, so support can find the request. */
  reference: string;
}

// Enough for the event to name what fired without turning it into a copy of the request.
const MAX_RULES_REPORTED = 10;

/**
 * Layer 1 at the gateway: known bad actors first (blocklist), then the WAF
 * engine's anomaly score over every part of the request. Runs before routing,
 * so a refused request never reaches a service. Each refusal is one log
 * line and one `edge.waf.blocked` event naming the rules that fired.
 */
@Injectable()
export class EdgeShield {
  private readonly logger = new Logger('EdgeShield');
  private readonly waf: Waf = createWaf({ paranoiaLevel: 1, anomalyThreshold: 5, exclusions: STOREFRONT_EXCLUSIONS });

  constructor(
    private readonly blocklist: EdgeBlocklist,
    private readonly events: SecurityEventPublisher,
  ) {}

  check(req: Request): ShieldRefusal | undefined {
    const ip = clientIp(req);
    const userAgent = req.headers['user-agent'];
    const listed = this.blocklist.match(ip, userAgent);
    if (listed) {
      const reference = newReference();
      this.report(req, reference, { reason: 'blocklist', listedBy: listed.kind, entry: listed.entry.slice(0, 64) }, []);
      return { code: 'SOURCE_BLOCKED', reference, message: `Requests from this client are blocked by the edge shield (reference ${reference}).` };
    }
    const [path, query = ''] = req.originalUrl.split(/\?(.*)/s);
    const verdict = this.waf.inspect({ method: req.method, path, query, headers: req.headers, body: req.body as unknown });
    if (!verdict.blocked) return undefined;
    const reference = newReference();
    this.report(req, reference, { reason: 'waf', score: verdict.score }, verdict.matches);
    return {
      code: 'REQUEST_BLOCKED',
      reference,
      message: `Blocked by the edge shield: the request looks like an attack (${attackClasses(verdict.matches)}). Reference ${reference}.`,
    };
  }

  private report(req: Request, reference: string, details: Record<string, string | number>, matches: readonly WafMatch[]): void {
    const rules = matches.slice(0, MAX_RULES_REPORTED).map((m) => m.ruleId).join(',');
    const classes = attackClasses(matches);
    const where = [...new Set(matches.map((m) => m.location))].slice(0, MAX_RULES_REPORTED).join(',');
    const ip = clientIp(req);
    this.logger.warn({ reference, ip, method: req.method, path: req.path.slice(0, 200), ...details, rules, classes }, 'edge shield refused a request');
    void this.events.publish({
      type: 'edge.waf.blocked',
      outcome: 'blocked',
      source: { ip, ...(req.headers['user-agent'] ? { userAgent: req.headers['user-agent'].slice(0, 512) } : {}) },
      details: { reference, method: req.method, path: req.path.slice(0, 200), ...details, ...(rules ? { rules, classes, locations: where.slice(0, 500) } : {}) },
    });
  }
}

function newReference(): string {
  return `EDGE-${randomUUID().slice(0, 8).toUpperCase()}`;
}

function attackClasses(matches: readonly WafMatch[]): string {
  return [...new Set(matches.map((m) => m.attackClass))].join(', ');
}
