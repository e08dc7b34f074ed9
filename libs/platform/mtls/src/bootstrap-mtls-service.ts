import type { INestApplication } from '@nestjs/common';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { bootstrapService, type ServiceBootstrapOptions } from '@storefront/platform/http';
import { type AccessDeniedPublisher, ClientIdentityGuard } from './allowed-clients';
import { mtlsServerOptions, type TlsIdentity } from './tls-identity';

/** The provider SecurityEventsModule (@storefront/platform/events) registers; looked up by name, see AccessDeniedPublisher. */
export const SECURITY_EVENT_PUBLISHER_PROVIDER = 'SecurityEventPublisher';

/** The service's security event publisher, when it has one (SecurityEventsModule imported), so the guard reports denials. */
function optionalPublisher(app: INestApplication): AccessDeniedPublisher | undefined {
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      const instance: unknown = wrapper.instance;
      if (wrapper.name === SECURITY_EVENT_PUBLISHER_PROVIDER && typeof (instance as Partial<AccessDeniedPublisher> | undefined)?.publish === 'function') {
        return instance as AccessDeniedPublisher;
      }
    }
  }
  return undefined;
}

/** Starts an internal service: mutual TLS on the listener and a client allow-list on every route. */
export function bootstrapMtlsService(options: Omit<ServiceBootstrapOptions, 'https'> & { identity: TlsIdentity }) {
  const { identity, configure, ...rest } = options;
  return bootstrapService({
    ...rest,
    https: mtlsServerOptions(identity),
    configure: async (app) => {
      app.useGlobalGuards(new ClientIdentityGuard(app.get(Reflector), optionalPublisher(app)));
      await configure?.(app);
    },
  });
}
