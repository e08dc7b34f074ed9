import { Module } from '@nestjs/common';
import { CardProcessor } from './card-processor';
import { SimulatedProcessor } from './simulated-processor';

@Module({ providers: [{ provide: CardProcessor, useClass: SimulatedProcessor }], exports: [CardProcessor] })
export class ProcessorModule {}
