import { Module } from '@nestjs/common';
import { GatewayAssertionGuard } from '../cards/gateway-assertion.guard';
import { RewrapModule } from '../rewrap/rewrap.module';
import { KeyAdminController } from './key-admin.controller';
import { MasterKeyRotationService } from './master-key-rotation.service';

@Module({ imports: [RewrapModule], controllers: [KeyAdminController], providers: [MasterKeyRotationService, GatewayAssertionGuard] })
export class KeyAdminModule {}
