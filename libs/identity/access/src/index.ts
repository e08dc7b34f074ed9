export { ROLES, ACCESS_TOKEN_ISSUER, ACCESS_TOKEN_AUDIENCE, type Role, type AccessTokenClaims, type AuthenticatedUser } from './roles';
export { JWKS_SOURCE, RemoteJwksSource, type JwksSource } from './jwks-source';
export { AccessTokenVerifier, ACCESS_TOKEN_ALGORITHM } from './access-token.verifier';
export { BearerTokenStrategy, BEARER_STRATEGY } from './bearer-token.strategy';
export { SignedInGuard, RolesGuard, RequireRoles, CurrentUser } from './guards';
export { AccessModule, type JwksSourceProvider } from './access.module';
export { revokedSessionKey } from './revoked-session-key';
