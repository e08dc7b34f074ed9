import { Module } from '@nestjs/common';
import { CardVaultModule } from '../card-vault/card-vault.module';
import { CardTokenFactory } from './card-token.factory';
import { CardsController } from './cards.controller';
import { CardsRepository } from './cards.repository';
import { CardsService } from './cards.service';
import { GatewayAssertionGuard } from './gateway-assertion.guard';

@Module({
  imports: [CardVaultModule],
  controllers: [CardsController],
  providers: [CardsService, CardsRepository, CardTokenFactory, GatewayAssertionGuard],
})
export class CardsModule {}
