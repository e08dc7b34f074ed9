export { TestTokenIssuer } from './test-token-issuer';
