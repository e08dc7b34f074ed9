import { type DynamicModule, Global, Module } from '@nestjs/common';
import { CLOCK, type Clock } from './clock';

const systemClock: Clock = () => new Date();

/** Shared providers: the clock. Tests pass their own clock to move time (e.g. past a rotation date). */
@Global()
@Module({})
export class CommonModule {
  static register(clock: Clock = systemClock): DynamicModule {
    return { module: CommonModule, providers: [{ provide: CLOCK, useValue: clock }], exports: [CLOCK] };
  }
}
