import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { SealedPan } from '../card-vault/card-cipher.service';

export interface NewCard {
  token: string;
  userId: string;
  sealed: SealedPan;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  fingerprint: string;
  createdAt: Date;
}

// Prisma's Bytes columns take plain (ArrayBuffer-backed) Uint8Array, not Node's Buffer type.
const bytes = (value: Uint8Array) => new Uint8Array(value);

/** The only place the cards feature touches the vault database. */
@Injectable()
export class CardsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async insert(card: NewCard): Promise<void> {
    await this.prisma.card.create({
      data: {
        token: card.token,
        userId: card.userId,
        panCiphertext: bytes(card.sealed.ciphertext),
        panIv: bytes(card.sealed.iv),
        panTag: bytes(card.sealed.tag),
        wrappedDataKey: bytes(card.sealed.wrappedKey),
        kmsKeyId: card.sealed.kmsKeyId,
        kmsKeyMaterialId: card.sealed.kmsKeyMaterialId,
        brand: card.brand,
        last4: card.last4,
        expMonth: card.expMonth,
        expYear: card.expYear,
        fingerprint: card.fingerprint,
        createdAt: card.createdAt,
      },
    });
  }
}
