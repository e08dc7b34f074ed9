import { Reflector } from '@nestjs/core';
import { bootstrapService, type ServiceBootstrapOptions } from '@storefront/platform/http';
import { ClientIdentityGuard } from './allowed-clients';
import { mtlsServerOptions, type TlsIdentity } from './tls-identity';

/** Starts an internal service: mutual TLS on the listener and a client allow-list on every route. */
export function bootstrapMtlsService(options: Omit<ServiceBootstrapOptions, 'https'> & { identity: TlsIdentity }) {
  const { identity, configure, ...rest } = options;
  return bootstrapService({
    ...rest,
    https: mtlsServerOptions(identity),
    configure: async (app) => {
      app.useGlobalGuards(new ClientIdentityGuard(app.get(Reflector)));
      await configure?.(app);
    },
  });
}
