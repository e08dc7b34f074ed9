export { loadTlsIdentity, mtlsServerOptions, publicServerOptions, type TlsIdentity } from './tls-identity';
export { AllowedClients, allowedClients, ClientIdentityGuard, peerIdentity, type AccessDeniedPublisher } from './allowed-clients';
export { ServiceClient, type ServiceTarget, type ServiceRequest, type ServiceResponse, type PeerCertificate } from './service-client';
export { bootstrapMtlsService, SECURITY_EVENT_PUBLISHER_PROVIDER, type MtlsServiceOptions } from './bootstrap-mtls-service';
export { readRenewedIdentity, reloadServerCertificate, TLS_RELOAD_INTERVAL_MS, watchTlsIdentity } from './tls-identity-reloader';
export { SERVICE_IDENTITIES, type ServiceIdentity, TOOL_IDENTITIES } from './identities';
export { HealthController } from './health.controller';
