import { collectTargets } from './collect-targets';
import { ALL_RULES } from './rules';
import type { InspectionTarget, ParanoiaLevel, TargetKind, Waf, WafExclusion, WafLimits, WafMatch, WafOptions, WafRequest, WafRule } from './waf.types';
import { SEVERITY_SCORE } from './waf.types';

const DEFAULT_LIMITS: WafLimits = { maxValueLength: 8192, maxTotalLength: 65_536, maxTargets: 512, maxDepth: 32 };

/** CRS 920380-style: a request too large to inspect fully is itself suspicious, not a free pass. */
const LIMIT_MATCH: Omit<WafMatch, 'location'> = { ruleId: 920380, attackClass: 'protocol', paranoiaLevel: 1, severity: 'critical' };

export function ruleMatches(rule: WafRule, target: InspectionTarget): boolean {
  if ('detect' in rule) return rule.detect(target);
  const text = target.variant(rule.variant);
  return rule.patterns.some((pattern) => pattern.test(text));
}

function locationMatches(patterns: readonly string[], location: string): boolean {
  return patterns.some((pattern) => (pattern.endsWith('*') ? location.startsWith(pattern.slice(0, -1)) : location === pattern));
}

function excludedBy(exclusion: WafExclusion, match: WafMatch): boolean {
  if (exclusion.ruleIds && !exclusion.ruleIds.includes(match.ruleId)) return false;
  if (exclusion.attackClasses && !exclusion.attackClasses.includes(match.attackClass)) return false;
  if (exclusion.locations && !locationMatches(exclusion.locations, match.location)) return false;
  return true;
}

function appliesTo(exclusion: WafExclusion, request: WafRequest): boolean {
  if (exclusion.pathPrefix !== undefined && !request.path.startsWith(exclusion.pathPrefix)) return false;
  if (exclusion.methods && !exclusion.methods.some((m) => m.toUpperCase() === request.method.toUpperCase())) return false;
  return true;
}

/** Groups rules by target kind once, so inspecting a value runs only the rules that read that kind. */
function indexByKind(rules: readonly WafRule[]): Map<TargetKind, WafRule[]> {
  const index = new Map<TargetKind, WafRule[]>();
  for (const rule of rules) {
    for (const kind of rule.targets) index.set(kind, [...(index.get(kind) ?? []), rule]);
  }
  return index;
}

/**
 * Builds an engine from options. All work that does not depend on the request (rule
 * selection by paranoia level, indexing) happens here, once; `inspect` is pure and synchronous.
 */
export function createWaf(options: WafOptions = {}): Waf {
  const paranoiaLevel: ParanoiaLevel = options.paranoiaLevel ?? 1;
  const threshold = options.anomalyThreshold ?? 5;
  const limits: WafLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const exclusions = options.exclusions ?? [];
  const active = (options.rules ?? ALL_RULES).filter((rule) => rule.paranoiaLevel <= paranoiaLevel);
  const byKind = indexByKind(active);

  function inspect(request: WafRequest): { blocked: boolean; score: number; matches: WafMatch[] } {
    const { targets, overLimit } = collectTargets(request, limits);
    const routeExclusions = exclusions.filter((exclusion) => appliesTo(exclusion, request));
    const matches: WafMatch[] = [];
    if (overLimit) matches.push({ ...LIMIT_MATCH, location: 'request' });
    for (const target of targets) {
      for (const rule of byKind.get(target.kind) ?? []) {
        if (!ruleMatches(rule, target)) continue;
        const match: WafMatch = { ruleId: rule.id, attackClass: rule.attackClass, location: target.location, paranoiaLevel: rule.paranoiaLevel, severity: rule.severity };
        if (!routeExclusions.some((exclusion) => excludedBy(exclusion, match))) matches.push(match);
      }
    }
    // Like CRS, a rule adds its severity once however many places it matched:
    // the same payload copied into 50 fields is one finding, not fifty.
    const scored = new Map<number, number>();
    for (const match of matches) scored.set(match.ruleId, SEVERITY_SCORE[match.severity]);
    let score = 0;
    for (const points of scored.values()) score += points;
    return { blocked: score >= threshold, score, matches };
  }

  return { inspect, rules: active };
}
