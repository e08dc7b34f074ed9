import { Module } from '@nestjs/common';
import { CardCipherService } from './card-cipher.service';
import { CardFingerprintService } from './card-fingerprint.service';
import { DataKeyService } from './data-key.service';

@Module({ providers: [DataKeyService, CardCipherService, CardFingerprintService], exports: [CardCipherService, CardFingerprintService] })
export class CardVaultModule {}
