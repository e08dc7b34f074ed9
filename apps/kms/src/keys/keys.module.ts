import { Module } from '@nestjs/common';
import { RootKeyModule } from '../root-key/root-key.module';
import { KeyRotationScheduler } from './key-rotation.scheduler';
import { KeysRepository } from './keys.repository';
import { KeysService } from './keys.service';
import { VaultKeyInitializer } from './vault-key.initializer';

@Module({ imports: [RootKeyModule], providers: [KeysRepository, KeysService, VaultKeyInitializer, KeyRotationScheduler], exports: [KeysService] })
export class KeysModule {}
