import { type DynamicModule, Module } from '@nestjs/common';
import { BullMqSecurityEventSink } from './bullmq-security-event.sink';
import { DisabledSecurityEventSink } from './disabled-security-event.sink';
import { HttpSecurityEventSink, type MonitorClient } from './http-security-event.sink';
import { SecurityEventPublisher } from './security-event.publisher';
import { SECURITY_EVENT_SINK, SECURITY_EVENTS_SERVICE, type SecurityEventSink } from './security-event.sink';
import { DEFAULT_SECURITY_EVENTS_PREFIX } from './security-event.types';

export interface SecurityEventsRedisOptions {
  redisUrl: string;
  /** BullMQ key prefix; tests pass a unique one. Defaults to DEFAULT_SECURITY_EVENTS_PREFIX. */
  prefix?: string;
  /** The publishing service's identity (auth, gateway, ...), stamped on every event. */
  service: string;
}

export interface SecurityEventsHttpOptions {
  /** A ServiceClient for the monitor (name 'monitor', over mTLS), owned and closed by the caller. */
  monitorClient: MonitorClient;
  service: string;
}

/**
 * Gives a service a SecurityEventPublisher. Global: import it once in the
 * app module and inject the publisher in any feature.
 */
@Module({})
export class SecurityEventsModule {
  static forRedis(options: SecurityEventsRedisOptions): DynamicModule {
    return SecurityEventsModule.withSink(options.service, () => new BullMqSecurityEventSink(options.redisUrl, options.prefix ?? DEFAULT_SECURITY_EVENTS_PREFIX));
  }

  static forHttp(options: SecurityEventsHttpOptions): DynamicModule {
    return SecurityEventsModule.withSink(options.service, () => new HttpSecurityEventSink(options.monitorClient));
  }

  /** No sink configured: the publisher can be injected, but every event is logged and dropped. */
  static disabled(service: string): DynamicModule {
    return SecurityEventsModule.withSink(service, () => new DisabledSecurityEventSink());
  }

  private static withSink(service: string, makeSink: () => SecurityEventSink): DynamicModule {
    return {
      module: SecurityEventsModule,
      global: true,
      providers: [
        { provide: SECURITY_EVENT_SINK, useFactory: makeSink },
        { provide: SECURITY_EVENTS_SERVICE, useValue: service },
        {
          provide: SecurityEventPublisher,
          useFactory: (sink: SecurityEventSink, name: string) => new SecurityEventPublisher(sink, name),
          inject: [SECURITY_EVENT_SINK, SECURITY_EVENTS_SERVICE],
        },
      ],
      exports: [SecurityEventPublisher],
    };
  }
}
