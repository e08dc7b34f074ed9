import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { AllowedClients } from '@storefront/platform/mtls';
import { CardsService } from './cards.service';
import type { CardTokenDto } from './dto/card-token.dto';
import { TokenizeCardDto } from './dto/tokenize-card.dto';
import { AssertedUserId, GatewayAssertionGuard } from './gateway-assertion.guard';

/** The gateway may tokenize a card; no route anywhere reads one back. */
@Controller('payments/cards')
@AllowedClients('gateway')
export class CardsController {
  constructor(private readonly cards: CardsService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @UseGuards(GatewayAssertionGuard)
  tokenize(@AssertedUserId() userId: string, @Body() card: TokenizeCardDto): Promise<CardTokenDto> {
    return this.cards.tokenizeCard(userId, card);
  }
}
