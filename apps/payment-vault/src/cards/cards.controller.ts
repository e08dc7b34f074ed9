import { isIP } from 'node:net';
import { Body, Controller, Headers, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
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
  tokenize(@AssertedUserId() userId: string, @Body() card: TokenizeCardDto, @Headers('x-forwarded-for') forwardedFor?: string): Promise<CardTokenDto> {
    // Only the gateway reaches this route (mTLS), and it overwrites X-Forwarded-For with the client's address.
    return this.cards.tokenizeCard(userId, card, forwardedFor && isIP(forwardedFor) ? forwardedFor : undefined);
  }
}
