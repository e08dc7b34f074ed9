export { createWaf } from './waf-engine';
export { createBlocklist, DEFAULT_BAD_USER_AGENTS, InvalidBlocklistEntryError } from './blocklist';
export type { Blocklist, BlocklistEntries } from './blocklist';
export { ALL_RULES } from './rules';
export { STOREFRONT_EXCLUSIONS } from './storefront-exclusions';
export { SEVERITY_SCORE } from './waf.types';
export type {
  AttackClass,
  DetectorRule,
  InspectionTarget,
  ParanoiaLevel,
  PatternRule,
  RuleExample,
  Severity,
  TargetKind,
  Variant,
  Waf,
  WafExclusion,
  WafLimits,
  WafMatch,
  WafOptions,
  WafRequest,
  WafRule,
  WafVerdict,
} from './waf.types';
