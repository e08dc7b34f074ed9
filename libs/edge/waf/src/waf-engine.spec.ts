import { describe, expect, it } from 'vitest';
import { createWaf } from './waf-engine';
import type { WafRule } from './waf.types';

const waf = createWaf();

describe('createWaf().inspect', () => {
  it('passes an ordinary request with a zero score', () => {
    const verdict = waf.inspect({ method: 'GET', path: '/api/catalog/search', query: 'q=O%27Reilly+%26+sons&page=2' });
    expect(verdict).toEqual({ blocked: false, score: 0, matches: [] });
  });

  it('labels where each match was found: query, JSON body path, header, cookie, key', () => {
    const verdict = waf.inspect({
      method: 'POST',
      path: '/api/orders',
      query: 'q=%3Cscript%3E',
      headers: { 'User-Agent': 'sqlmap/1.7', cookie: 'pref=..%2f..%2fetc%2fpasswd' },
      body: { address: { line1: "' or '1'='1" }, items: [{ __proto__x: 1 }], filter: JSON.parse('{"$ne":1}') as unknown },
    });
    const where = verdict.matches.map((m) => `${m.ruleId}@${m.location}`);
    expect(where).toEqual(expect.arrayContaining(['941110@query:q', '942100@body:$.address.line1', '913100@header:user-agent', '930100@cookie:pref', '942290@body-name:$.filter.$ne']));
    expect(verdict.blocked).toBe(true);
  });

  it('sums each matching rule once: one critical rule scores 5 however many fields repeat it', () => {
    const once = waf.inspect({ method: 'GET', path: '/x', query: 'a=<script>' });
    const thrice = waf.inspect({ method: 'GET', path: '/x', query: 'a=<script>&b=<script>&c=<script>' });
    expect(once.score).toBe(5);
    expect(thrice.score).toBe(5);
    expect(thrice.matches).toHaveLength(3);
  });

  it('blocks at the anomaly threshold, not below', () => {
    const notice: WafRule = { id: 999001, attackClass: 'xss', paranoiaLevel: 1, severity: 'notice', description: 'test', targets: ['argValue'], variant: 'text', patterns: [/zzz/], positives: ['zzz'], negatives: ['z'] };
    const strict = createWaf({ rules: [notice], anomalyThreshold: 2 });
    const lenient = createWaf({ rules: [notice], anomalyThreshold: 3 });
    const request = { method: 'GET', path: '/', query: 'a=zzz' };
    expect(strict.inspect(request)).toMatchObject({ blocked: true, score: 2 });
    expect(lenient.inspect(request)).toMatchObject({ blocked: false, score: 2 });
  });

  it('runs rules of a higher paranoia level only when configured', () => {
    const request = { method: 'GET', path: '/', query: 'q=%3Cb%3Ebold%3C/b%3E' };
    expect(createWaf({ paranoiaLevel: 1 }).inspect(request).score).toBe(0);
    expect(createWaf({ paranoiaLevel: 2 }).inspect(request).matches.map((m) => m.ruleId)).toContain(941320);
  });

  it('decodes double URL encoding, %u and \\u escapes, HTML entities and SQL comments before matching', () => {
    for (const q of ['%2527%2520or%25201%253D1--', '%u0027%u0020or%u00201=1--', '%26#39; or 1=1--', "1/**/UnIoN/**/SeLeCt/**/1,2", '\\u0027 or 1=1--']) {
      expect(waf.inspect({ method: 'GET', path: '/', query: `q=${q}` }).blocked, q).toBe(true);
    }
  });

  it('reads a form body and a JSON body sent as a string', () => {
    expect(waf.inspect({ method: 'POST', path: '/', contentType: 'application/x-www-form-urlencoded', body: 'email=x%27+or+%271%27%3D%271' }).matches[0]?.location).toBe('body:email');
    expect(waf.inspect({ method: 'POST', path: '/', contentType: 'application/json', body: '{"q":"<script>"}' }).matches[0]?.location).toBe('body:$.q');
  });

  describe('exclusions', () => {
    const login = { method: 'POST', path: '/api/auth/login', body: { email: 'a@b.example', password: "' or 1=1--" } };

    it('drop matches at an excluded location on the route, and only there', () => {
      const excluded = createWaf({ exclusions: [{ pathPrefix: '/api/auth/login', locations: ['body:$.password'] }] });
      expect(excluded.inspect(login)).toMatchObject({ blocked: false, score: 0 });
      expect(excluded.inspect({ ...login, path: '/api/orders' }).blocked).toBe(true);
      expect(excluded.inspect({ ...login, body: { email: "' or 1=1--", password: 'x' } }).blocked).toBe(true);
    });

    it('can name rule ids, classes, methods and location prefixes', () => {
      expect(createWaf({ exclusions: [{ ruleIds: [942100, 942180, 942110] }] }).inspect(login).blocked).toBe(false);
      expect(createWaf({ exclusions: [{ attackClasses: ['sqli'], methods: ['post'] }] }).inspect(login).blocked).toBe(false);
      expect(createWaf({ exclusions: [{ attackClasses: ['sqli'], methods: ['PUT'] }] }).inspect(login).blocked).toBe(true);
      expect(createWaf({ exclusions: [{ locations: ['body:$.pass*'] }] }).inspect(login).blocked).toBe(false);
      expect(createWaf({ exclusions: [{ ruleIds: [941110] }] }).inspect(login).blocked).toBe(true);
    });
  });

  describe('limits', () => {
    it('flags a request with more parts than it will inspect (920380) instead of letting the rest through', () => {
      const query = Array.from({ length: 600 }, (_, i) => `a${i}=1`).join('&');
      const verdict = waf.inspect({ method: 'GET', path: '/', query });
      expect(verdict.matches.map((m) => m.ruleId)).toContain(920380);
      expect(verdict.blocked).toBe(true);
    });

    it('flags JSON nested deeper than the limit', () => {
      let body: unknown = 'leaf';
      for (let i = 0; i < 40; i++) body = { a: body };
      expect(waf.inspect({ method: 'POST', path: '/', body }).matches.map((m) => m.ruleId)).toContain(920380);
    });

    it('flags a request whose parts add up to more text than it will inspect, bounding CPU per request', () => {
      const body = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}`, 'x'.repeat(8000)]));
      expect(waf.inspect({ method: 'POST', path: '/', body }).matches.map((m) => m.ruleId)).toContain(920380);
      expect(waf.inspect({ method: 'POST', path: '/', body: { a: 'x'.repeat(8000) } }).score).toBe(0);
    });

    it('still sees a payload placed after long padding (head and tail are inspected)', () => {
      const padded = `${'a'.repeat(100_000)}<script>alert(1)</script>`;
      expect(waf.inspect({ method: 'POST', path: '/', body: { text: padded } }).blocked).toBe(true);
    });
  });
});
