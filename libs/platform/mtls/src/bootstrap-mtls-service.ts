import type { Server } from 'node:https';
import type { INestApplication } from '@nestjs/common';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { bootstrapService, type ServiceBootstrapOptions } from '@storefront/platform/http';
import { type AccessDeniedPublisher, ClientIdentityGuard } from './allowed-clients';
import { mtlsServerOptions, type TlsIdentity } from './tls-identity';
import { reloadServerCertificate } from './tls-identity-reloader';

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

export interface MtlsServiceOptions extends Omit<ServiceBootstrapOptions, 'https'> {
  identity: TlsIdentity;
  /** How often the certificate is re-read from disk (TLS_RELOAD_INTERVAL_MS by default); tests shorten it. */
  tlsReloadIntervalMs?: number;
}

/**
 * Starts an internal service: mutual TLS on the listener, a client allow-list
 * on every route, and a renewed certificate picked up from disk without a restart.
 */
export function bootstrapMtlsService(options: MtlsServiceOptions) {
  const { identity, configure, tlsReloadIntervalMs, ...rest } = options;
  return bootstrapService({
    ...rest,
    https: mtlsServerOptions(identity),
    configure: async (app) => {
      reloadServerCertificate(app.getHttpServer() as Server, identity, mtlsServerOptions, tlsReloadIntervalMs);
      app.useGlobalGuards(new ClientIdentityGuard(app.get(Reflector), optionalPublisher(app)));
      await configure?.(app);
    },
  });
}
