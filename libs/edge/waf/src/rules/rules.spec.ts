import { describe, expect, it } from 'vitest';
import { createTarget } from '../inspection-target';
import { ruleMatches } from '../waf-engine';
import type { RuleExample, WafRule } from '../waf.types';
import { ALL_RULES } from './index';

function targetFor(rule: WafRule, example: RuleExample) {
  if (typeof example === 'string') return createTarget(rule.targets[0], `example:${rule.targets[0]}`, example, 8192);
  return createTarget(example.kind, example.location ?? `example:${example.kind}`, example.value, 8192);
}

const label = (example: RuleExample) => (typeof example === 'string' ? example : `${example.kind} ${example.location ?? ''} ${example.value}`);

describe('built-in rules', () => {
  it('have unique CRS-style ids and at least one positive and one negative example each', () => {
    const ids = ALL_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of ALL_RULES) {
      expect(rule.id, rule.description).toBeGreaterThanOrEqual(900000);
      expect(rule.positives.length, `${rule.id} positives`).toBeGreaterThan(0);
      expect(rule.negatives.length, `${rule.id} negatives`).toBeGreaterThan(0);
    }
  });

  it('use no stateful (global or sticky) regexes, which would make test() depend on the previous call', () => {
    for (const rule of ALL_RULES) {
      if ('patterns' in rule) for (const pattern of rule.patterns) expect(pattern.flags, `${rule.id} ${pattern}`).not.toMatch(/[gy]/);
    }
  });

  describe.each(ALL_RULES.map((rule) => [rule.id, rule] as const))('rule %i', (_id, rule) => {
    it.each(rule.positives.map((example) => [label(example), example] as const))('flags %s', (_label, example) => {
      expect(ruleMatches(rule, targetFor(rule, example))).toBe(true);
    });
    it.each(rule.negatives.map((example) => [label(example), example] as const))('leaves %s alone', (_label, example) => {
      expect(ruleMatches(rule, targetFor(rule, example))).toBe(false);
    });
  });
});
