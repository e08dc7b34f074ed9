export { loadTlsIdentity, mtlsServerOptions, publicServerOptions, type TlsIdentity } from './tls-identity';
export { AllowedClients, ClientIdentityGuard, peerIdentity, type AccessDeniedPublisher } from './allowed-clients';
export { ServiceClient, type ServiceTarget, type ServiceRequest, type ServiceResponse, type PeerCertificate } from './service-client';
export { bootstrapMtlsService, SECURITY_EVENT_PUBLISHER_PROVIDER } from './bootstrap-mtls-service';
export { SERVICE_IDENTITIES, type ServiceIdentity } from './identities';
export { HealthController } from './health.controller';
