import { Inject, Injectable, Logger } from '@nestjs/common';
import { SecurityEventPublisher } from '@storefront/platform/events';
import { detectBrand, normalizeCardNumber, passesLuhn } from '@storefront/shared/cards';
import { CardCipherService } from '../card-vault/card-cipher.service';
import { CardFingerprintService } from '../card-vault/card-fingerprint.service';
import { CLOCK, type Clock } from '../common/clock';
import { isExpired } from './card-expiry';
import { CardTokenFactory } from './card-token.factory';
import { CardsError, cardsError } from './cards.errors';
import { CardsRepository } from './cards.repository';
import type { CardTokenDto } from './dto/card-token.dto';
import type { TokenizeCardDto } from './dto/tokenize-card.dto';

const PAN_DIGITS = /^[0-9]{13,19}$/;

/** Tokenization: a card number goes in, a token comes out, and only ciphertext stays behind. */
@Injectable()
export class CardsService {
  private readonly logger = new Logger(CardsService.name);

  constructor(
    private readonly cards: CardsRepository,
    private readonly cipher: CardCipherService,
    private readonly fingerprints: CardFingerprintService,
    private readonly tokens: CardTokenFactory,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly events: SecurityEventPublisher,
  ) {}

  /**
   * Validates the card, encrypts the PAN under a fresh KMS data key bound to
   * a new token, and stores ciphertext, wrapped key, brand, last4, expiry and
   * a keyed fingerprint. The CVC was validated by the DTO and goes no further.
   * Error messages never contain the number.
   */
  async tokenizeCard(userId: string, card: TokenizeCardDto, sourceIp?: string): Promise<CardTokenDto> {
    const digits = normalizeCardNumber(card.number);
    if (!PAN_DIGITS.test(digits) || !passesLuhn(digits)) throw cardsError(CardsError.InvalidCard, 'The card number is not valid.');
    if (isExpired(card.expMonth, card.expYear, this.clock())) throw cardsError(CardsError.CardExpired, 'The card has expired.');

    const cardToken = this.tokens.next();
    const brand = detectBrand(digits);
    const last4 = digits.slice(-4);
    const pan = Buffer.from(digits, 'ascii');
    try {
      const sealed = await this.cipher.seal(cardToken, pan);
      await this.cards.insert({
        token: cardToken,
        userId,
        sealed,
        brand,
        last4,
        expMonth: card.expMonth,
        expYear: card.expYear,
        fingerprint: this.fingerprints.of(digits),
        createdAt: this.clock(),
      });
    } finally {
      // JS strings cannot be wiped; the Buffer copy at least does not linger.
      pan.fill(0);
    }
    this.logger.log({ brand, last4 }, 'card tokenized');
    // Many new cards from one user or address in an hour is the card-testing signal the monitor watches.
    void this.events.publish({ type: 'vault.card.tokenized', outcome: 'success', actor: { userId }, source: sourceIp ? { ip: sourceIp } : {}, details: { brand } });
    return { cardToken, brand, last4, expMonth: card.expMonth, expYear: card.expYear };
  }
}
