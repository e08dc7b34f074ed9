import { createTarget } from './inspection-target';
import type { InspectionTarget, TargetKind, WafLimits, WafRequest } from './waf.types';

/** Headers whose values are opaque credentials or transport details; inspecting them only yields false positives. */
const OPAQUE_HEADERS = new Set(['authorization', 'cookie', 'content-length', 'host', 'connection', 'accept-encoding', 'if-none-match', 'x-request-id']);

export interface CollectedTargets {
  readonly targets: InspectionTarget[];
  /** True when the request had more parts or depth than the limits allow (the rest is not inspected). */
  readonly overLimit: boolean;
}

class Collector {
  readonly targets: InspectionTarget[] = [];
  overLimit = false;
  private totalLength = 0;
  constructor(private readonly limits: WafLimits) {}

  add(kind: TargetKind, location: string, raw: string): void {
    if (raw === '') return;
    this.totalLength += Math.min(raw.length, this.limits.maxValueLength);
    if (this.targets.length >= this.limits.maxTargets || this.totalLength > this.limits.maxTotalLength) {
      this.overLimit = true;
      return;
    }
    this.targets.push(createTarget(kind, location, raw, this.limits.maxValueLength));
  }

  /** `a=1&b[$ne]=2`: names and values, `+` as space; the rest of the decoding is normalisation's job. */
  addUrlEncoded(prefix: string, raw: string): void {
    for (const pair of raw.split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      const name = plusToSpace(eq < 0 ? pair : pair.slice(0, eq));
      const value = eq < 0 ? '' : plusToSpace(pair.slice(eq + 1));
      const label = safeDecode(name);
      this.add('argName', `${prefix}-name:${label}`, name);
      this.add('argValue', `${prefix}:${label}`, value);
    }
  }

  /** Walks a parsed JSON body; keys are names (so `$where` and `__proto__` keys are seen), leaves are values. */
  addJson(location: string, value: unknown, depth: number): void {
    if (depth > this.limits.maxDepth) {
      this.overLimit = true;
      return;
    }
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => this.addJson(`${location}[${index}]`, item, depth + 1));
      return;
    }
    if (typeof value === 'object') {
      for (const key of Object.keys(value)) {
        const child = `${location}.${key}`;
        this.add('argName', `body-name:${child}`, key);
        this.addJson(child, (value as Record<string, unknown>)[key], depth + 1);
      }
      return;
    }
    this.add('argValue', `body:${location}`, String(value));
  }
}

function plusToSpace(value: string): string {
  return value.includes('+') ? value.replace(/\+/g, ' ') : value;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function headerValue(value: string | readonly string[] | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : value.join(', ');
}

function addCookies(collector: Collector, cookies: WafRequest['cookies']): void {
  if (cookies === undefined) return;
  const pairs: Array<[string, string]> =
    typeof cookies === 'string'
      ? cookies.split(';').map((part) => {
          const eq = part.indexOf('=');
          return eq < 0 ? [part.trim(), ''] : [part.slice(0, eq).trim(), part.slice(eq + 1).trim()];
        })
      : Object.entries(cookies);
  for (const [name, value] of pairs) {
    collector.add('cookie', `cookie-name:${name}`, name);
    collector.add('cookie', `cookie:${name}`, value);
  }
}

function addBody(collector: Collector, body: unknown, contentType: string): void {
  if (body === undefined || body === null) return;
  if (typeof body !== 'string') {
    collector.addJson('$', body, 0);
    return;
  }
  if (contentType.includes('json')) {
    try {
      collector.addJson('$', JSON.parse(body) as unknown, 0);
      return;
    } catch {
      // Not JSON after all: inspect it as text below.
    }
  }
  if (contentType.includes('x-www-form-urlencoded') || (contentType === '' && /^[^=&\s]+=/.test(body))) {
    collector.addUrlEncoded('body', body);
    return;
  }
  collector.add('argValue', 'body', body);
}

/** Flattens a request into the parts rules look at, each labelled with where it came from. */
export function collectTargets(request: WafRequest, limits: WafLimits): CollectedTargets {
  const collector = new Collector(limits);
  collector.add('path', 'path', request.path);
  if (request.query) collector.addUrlEncoded('query', request.query);

  const headers = request.headers ?? {};
  let contentType = (request.contentType ?? '').toLowerCase();
  for (const [rawName, rawValue] of Object.entries(headers)) {
    const name = rawName.toLowerCase();
    const value = headerValue(rawValue);
    if (name === 'content-type' && contentType === '') contentType = value.toLowerCase();
    collector.add('headerName', `header-name:${name}`, name);
    if (OPAQUE_HEADERS.has(name)) continue;
    const kind: TargetKind = name === 'user-agent' ? 'userAgent' : name === 'referer' ? 'referer' : 'header';
    collector.add(kind, `header:${name}`, value);
  }
  addCookies(collector, request.cookies ?? (headerValue(headers['cookie'] ?? headers['Cookie']) || undefined));
  addBody(collector, request.body, contentType);
  return { targets: collector.targets, overLimit: collector.overLimit };
}
