import { Module } from '@nestjs/common';
import { DataKeysModule } from '../data-keys/data-keys.module';
import { KeysModule } from '../keys/keys.module';
import { AwsJsonController } from './aws-json.controller';
import { KmsOperationsService } from './kms-operations.service';

@Module({ imports: [KeysModule, DataKeysModule], controllers: [AwsJsonController], providers: [KmsOperationsService] })
export class AwsJsonModule {}
