import { Module } from '@nestjs/common';
import { CardVaultModule } from '../card-vault/card-vault.module';
import { RewrapController } from './rewrap.controller';
import { RewrapRepository } from './rewrap.repository';
import { RewrapScheduler } from './rewrap.scheduler';
import { RewrapService } from './rewrap.service';

@Module({ imports: [CardVaultModule], controllers: [RewrapController], providers: [RewrapRepository, RewrapService, RewrapScheduler], exports: [RewrapService] })
export class RewrapModule {}
