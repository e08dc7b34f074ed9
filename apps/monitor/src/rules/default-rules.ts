import { CredentialStuffingRule } from './credential-stuffing.rule';
import { FailedLoginsRule } from './failed-logins.rule';
import { ImpossibleTravelRule } from './impossible-travel.rule';
import { PermissionDeniedRule } from './permission-denied.rule';
import type { Rule } from './rule';
import { UnusualPurchaseRule } from './unusual-purchase.rule';
import { VelocityRule } from './velocity.rule';

export const RULES = Symbol('RULES');

/** Every rule the monitor runs, with its default policy (each file documents its numbers). */
export function defaultRules(): Rule[] {
  return [new FailedLoginsRule(), new CredentialStuffingRule(), new ImpossibleTravelRule(), new VelocityRule(), new UnusualPurchaseRule(), new PermissionDeniedRule()];
}
