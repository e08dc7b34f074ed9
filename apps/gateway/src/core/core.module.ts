import { type DynamicModule, Module } from '@nestjs/common';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { Upstreams } from './upstreams';

/** Process-wide values every feature may inject: the validated config and the upstream clients. */
@Module({})
export class CoreModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: CoreModule,
      global: true,
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: Upstreams, useFactory: () => new Upstreams(config) },
      ],
      exports: [GATEWAY_CONFIG, Upstreams],
    };
  }
}
