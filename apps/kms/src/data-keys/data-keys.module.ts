import { Module } from '@nestjs/common';
import { KeysModule } from '../keys/keys.module';
import { DataKeysService } from './data-keys.service';

@Module({ imports: [KeysModule], providers: [DataKeysService], exports: [DataKeysService] })
export class DataKeysModule {}
