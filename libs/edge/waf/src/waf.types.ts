/** The attack families the rules cover; `protocol` is the engine's own inspection-limit rule. */
export type AttackClass =
  | 'sqli'
  | 'xss'
  | 'path-traversal'
  | 'command-injection'
  | 'ssrf'
  | 'log4shell'
  | 'nosql-injection'
  | 'prototype-pollution'
  | 'scanner'
  | 'protocol';

export type ParanoiaLevel = 1 | 2 | 3 | 4;

/** CRS anomaly points: critical=5, error=4, warning=3, notice=2. */
export type Severity = 'critical' | 'error' | 'warning' | 'notice';

export const SEVERITY_SCORE: Readonly<Record<Severity, number>> = { critical: 5, error: 4, warning: 3, notice: 2 };

/**
 * Which parts of a request a rule reads (the CRS "variables"):
 * argValue = query/body/form values, argName = their names and JSON keys,
 * header = every request header value, headerName = header names,
 * userAgent / referer = those two headers only, cookie = cookie values and names.
 */
export type TargetKind = 'path' | 'argValue' | 'argName' | 'cookie' | 'header' | 'headerName' | 'userAgent' | 'referer';

/**
 * The normalised forms a rule can match against (the CRS "transformations"):
 * text = decoded (URL, double URL, %u, \u, HTML entities), null bytes removed, lowercased, whitespace compressed;
 * sql = text with SQL comments removed; cmd = text with shell evasions (quotes, backslashes, $IFS) removed;
 * path = text with ./, ../, // and backslashes resolved.
 */
export type Variant = 'text' | 'sql' | 'cmd' | 'path';

/** One inspected piece of a request, with its lazily computed normalised forms. */
export interface InspectionTarget {
  readonly kind: TargetKind;
  /** Where it came from, e.g. `query:q`, `body:$.address.line1`, `header:user-agent`. */
  readonly location: string;
  readonly raw: string;
  variant(name: Variant): string;
}

interface RuleBase {
  /** CRS-like number: 913xxx scanners, 930 LFI, 932 RCE, 934 node/SSRF, 941 XSS, 942 SQLi, 944 Java. */
  readonly id: number;
  readonly attackClass: AttackClass;
  readonly paranoiaLevel: ParanoiaLevel;
  readonly severity: Severity;
  readonly description: string;
  readonly targets: readonly TargetKind[];
  /** Strings (in the form the target would arrive, before normalisation) that this rule must flag. */
  readonly positives: readonly RuleExample[];
  /** Look-alike benign strings this rule must leave alone. */
  readonly negatives: readonly RuleExample[];
}

/** An example is a raw string for the rule's first target kind, or an explicit kind + value. */
export type RuleExample = string | { readonly kind: TargetKind; readonly value: string; readonly location?: string };

export interface PatternRule extends RuleBase {
  readonly variant: Variant;
  /** Any one matching counts. Write them without nested unbounded quantifiers: they run on every request. */
  readonly patterns: readonly RegExp[];
}

export interface DetectorRule extends RuleBase {
  /** For checks a regex cannot express (IP arithmetic, JSON key paths). Must be pure and bounded. */
  readonly detect: (target: InspectionTarget) => boolean;
}

export type WafRule = PatternRule | DetectorRule;

/** A request as the gateway sees it; every part is optional except method and path. */
export interface WafRequest {
  readonly method: string;
  /** The raw path, without the query string. */
  readonly path: string;
  /** The raw query string, without `?`. */
  readonly query?: string;
  readonly headers?: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** A raw Cookie header or already-parsed cookies. Falls back to headers.cookie. */
  readonly cookies?: string | Readonly<Record<string, string>>;
  /** A parsed JSON value, or a raw string (form-urlencoded or other text). */
  readonly body?: unknown;
  readonly contentType?: string;
}

export interface WafMatch {
  readonly ruleId: number;
  readonly attackClass: AttackClass;
  readonly location: string;
  readonly paranoiaLevel: ParanoiaLevel;
  readonly severity: Severity;
}

export interface WafVerdict {
  readonly blocked: boolean;
  readonly score: number;
  readonly matches: readonly WafMatch[];
}

/**
 * Switches rules off for one route, like a CRS rule exclusion (ctl:ruleRemoveTargetById).
 * Every given condition must hold; a missing one means "any". A location ending in `*` is a prefix.
 */
export interface WafExclusion {
  readonly pathPrefix?: string;
  readonly methods?: readonly string[];
  readonly locations?: readonly string[];
  readonly ruleIds?: readonly number[];
  readonly attackClasses?: readonly AttackClass[];
}

export interface WafOptions {
  /** 1 (default, few false positives) to 4 (most rules). Rules above it are not run. */
  readonly paranoiaLevel?: ParanoiaLevel;
  /** Blocked when the anomaly score reaches it; CRS's inbound default is 5 (one critical match). */
  readonly anomalyThreshold?: number;
  readonly exclusions?: readonly WafExclusion[];
  /** Defaults to every built-in rule; pass your own list to add or drop rules. */
  readonly rules?: readonly WafRule[];
  readonly limits?: Partial<WafLimits>;
}

/** Bounds that keep one inspection cheap whatever the request carries. */
export interface WafLimits {
  /** Longer values are inspected as their first and last half of this many characters. */
  readonly maxValueLength: number;
  /** Characters inspected per request, summed over all parts; beyond it the request is an anomaly (920380). Caps the worst-case CPU per request. */
  readonly maxTotalLength: number;
  /** More inspectable parts than this is itself an anomaly (rule 920380). */
  readonly maxTargets: number;
  /** JSON nested deeper than this is an anomaly too. */
  readonly maxDepth: number;
}

export interface Waf {
  inspect(request: WafRequest): WafVerdict;
  readonly rules: readonly WafRule[];
}
