import { Module } from '@nestjs/common';
import { CardVaultModule } from '../card-vault/card-vault.module';
import { ProcessorModule } from '../processor/processor.module';
import { ChargesController } from './charges.controller';
import { ChargesRepository } from './charges.repository';
import { ChargesService } from './charges.service';

@Module({ imports: [CardVaultModule, ProcessorModule], controllers: [ChargesController], providers: [ChargesService, ChargesRepository] })
export class ChargesModule {}
