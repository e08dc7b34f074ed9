import type { InspectionTarget, WafRule } from '../waf.types';

/**
 * JavaScript prototype pollution (CRS 934130). A JSON key `__proto__`, or `prototype` under
 * `constructor`, lets a merge or a query parser write onto Object.prototype. The detector
 * reads the key's full path (its location), because `prototype` alone is harmless.
 */
const POLLUTING_PATH = /__proto__|\bconstructor\s*(?:\.|\[\s*['"]?|\]\[\s*['"]?)\s*prototype\b/;

function pollutesPrototype(target: InspectionTarget): boolean {
  return POLLUTING_PATH.test(target.variant('text')) || POLLUTING_PATH.test(target.location.toLowerCase());
}

export const PROTOTYPE_POLLUTION_RULES: readonly WafRule[] = [
  {
    id: 934130,
    attackClass: 'prototype-pollution',
    paranoiaLevel: 1,
    severity: 'critical',
    description: '__proto__ or constructor.prototype in a name, key path or value',
    targets: ['argName', 'argValue', 'cookie'],
    detect: pollutesPrototype,
    positives: [
      '__proto__',
      '__proto__[isAdmin]',
      'constructor[prototype][isAdmin]',
      'constructor.prototype.isAdmin',
      '%5F%5Fproto%5F%5F',
      { kind: 'argName', value: 'prototype', location: 'body-name:$.constructor.prototype' },
      { kind: 'argValue', value: '{"__proto__":{"admin":true}}' },
    ],
    negatives: ['proto', 'constructor', 'prototype', { kind: 'argName', value: 'prototype', location: 'body-name:$.design.prototype' }],
  },
];
