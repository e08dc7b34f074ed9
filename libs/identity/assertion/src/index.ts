export {
  INTERNAL_ASSERTION_HEADER,
  INTERNAL_ASSERTION_ISSUER,
  INTERNAL_ASSERTION_ALGORITHM,
  INTERNAL_ASSERTION_TTL_SECONDS,
  InternalAssertionSigner,
  InternalAssertionError,
  certificatePemFromDer,
  assertionKeyFromCertificate,
  verifyInternalAssertion,
  type AssertionTarget,
  type InternalAssertionClaims,
} from './internal-assertion';
