import type { WafRule } from '../waf.types';

/**
 * NoSQL operator injection (CRS 942290 "basic MongoDB injection"). The store API's JSON has
 * no key starting with `$`, so a Mongo operator as a key (`{"password":{"$ne":null}}`) or
 * in a bracketed query name (`password[$ne]=x`, which qs turns into the same object) is an attack.
 */
const OPERATORS =
  '\\$(?:where|ne|eq|gt|gte|lt|lte|in|nin|regex|exists|type|or|and|nor|not|expr|function|accumulator|elemmatch|all|size|mod|text|jsonschema|lookup|merge|out)';

export const NOSQL_INJECTION_RULES: readonly WafRule[] = [
  {
    id: 942290,
    attackClass: 'nosql-injection',
    paranoiaLevel: 1,
    severity: 'critical',
    description: 'MongoDB operator as a JSON key or a bracketed query/form name',
    targets: ['argName', 'cookie'],
    variant: 'text',
    patterns: [new RegExp(`^${OPERATORS}$`), new RegExp(`\\[\\s*${OPERATORS}\\s*\\]`)],
    positives: ['$ne', '$where', 'password[$ne]', 'user[$regex]', 'price[%24gt]', 'a[$exists]'],
    negatives: ['password', 'price', 'tags[]', 'items[0][sku]', 'ne'],
  },
  {
    id: 942291,
    attackClass: 'nosql-injection',
    paranoiaLevel: 1,
    severity: 'critical',
    description: 'Serialized Mongo operators or $where JavaScript inside a value',
    targets: ['argValue', 'cookie'],
    variant: 'text',
    patterns: [
      new RegExp(`\\{\\s*['"]?${OPERATORS}['"]?\\s*:`),
      /\$where\b.{0,80}?(?:this\.|function|sleep\s*\(|return\b|==)/,
      /\bthis\.\w+\.match\s*\(|\bdb\.\w+\.(?:find|drop|insert|remove)\s*\(/,
    ],
    positives: ['{"$ne": null}', "{'$gt': ''}", '$where: this.password.length > 0 || sleep(5000)', "this.password.match(/^a/)", 'db.users.find()'],
    negatives: ['{"sku": "A-1"}', 'where is my order', 'price $ne gotiable'],
  },
];
