import { type DynamicModule, Module } from '@nestjs/common';
import { MONITOR_CONFIG, type MonitorConfig } from '../config/monitor.config';
import { AuthClient } from './auth-client';
import { OrderClient } from './order-client';

export const AUDIT_HMAC_KEY = Symbol('AUDIT_HMAC_KEY');

/** Process-wide values every feature may inject: the validated config, the audit key, the auth and order clients. */
@Module({})
export class CoreModule {
  static forRoot(config: MonitorConfig, auditKey: Buffer): DynamicModule {
    return {
      module: CoreModule,
      global: true,
      providers: [
        { provide: MONITOR_CONFIG, useValue: config },
        { provide: AUDIT_HMAC_KEY, useValue: auditKey },
        { provide: AuthClient, useFactory: () => new AuthClient(config) },
        { provide: OrderClient, useFactory: () => new OrderClient(config) },
      ],
      exports: [MONITOR_CONFIG, AUDIT_HMAC_KEY, AuthClient, OrderClient],
    };
  }
}
