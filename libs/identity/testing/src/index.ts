export { TestTokenIssuer, type TokenOptions } from './test-token-issuer';
export { standInJwksModule } from './stand-in-jwks';
