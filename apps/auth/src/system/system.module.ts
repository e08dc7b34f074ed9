import { type DynamicModule, Global, Module } from '@nestjs/common';
import { Clock } from './clock';
import { Sleeper } from './sleeper';

/** Replacements for time and waiting; only tests pass them (to move time, and to record delays instead of waiting). */
export interface SystemOverrides {
  clock?: Clock;
  sleeper?: Sleeper;
}

@Global()
@Module({})
export class SystemModule {
  static forRoot(overrides: SystemOverrides = {}): DynamicModule {
    return {
      module: SystemModule,
      providers: [
        overrides.clock ? { provide: Clock, useValue: overrides.clock } : Clock,
        overrides.sleeper ? { provide: Sleeper, useValue: overrides.sleeper } : Sleeper,
      ],
      exports: [Clock, Sleeper],
    };
  }
}
