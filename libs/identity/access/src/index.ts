export { ROLES, STAFF_ROLES, ACCESS_TOKEN_ISSUER, ACCESS_TOKEN_AUDIENCE, type Role, type AccessTokenClaims, type AuthenticatedUser } from './roles';
export { JWKS_SOURCE, RemoteJwksSource, type JwksSource } from './jwks-source';
export { AccessTokenVerifier, ACCESS_TOKEN_ALGORITHM } from './access-token.verifier';
export { BearerTokenStrategy, BEARER_STRATEGY } from './bearer-token.strategy';
export { SignedInGuard, CurrentUser } from './guards';
export { PERMISSIONS, ROLE_PERMISSIONS, type Permission, isStaffPermission, permissionsOf, rolesGranting } from './permissions';
export {
  PermissionGuard,
  RequirePermission,
  requiredPermission,
  PERMISSION_DENIAL_LISTENER,
  GRANT_USAGE_LISTENER,
  type PermissionDenialListener,
  type GrantUsageListener,
  type PermissionDenial,
} from './permission.guard';
export { decidePermission, type PermissionDecision, type PermissionRefusal } from './permission-decision';
export { STEP_UP_MAX_AGE_SECONDS, hasFreshMfa, stepUpRequired } from './step-up';
export { AccessModule, type JwksSourceProvider } from './access.module';
export { revokedSessionKey } from './revoked-session-key';
export { stepUpDemandKey } from './step-up-demand-key';
export { GrantUsageModule, type GrantUsageRedisOptions } from './grant-usage/grant-usage.module';
export { grantUsageKey, grantUsageField, parseGrantUsageField } from './grant-usage/grant-usage-key';
