import { Module } from '@nestjs/common';
import { EdgeAccessModule } from '../../core/edge-access.module';
import { EdgeBlocklist } from './edge-blocklist';
import { EdgeBlocksController } from './edge-blocks.controller';
import { EdgeShield } from './edge-shield';

/** Layer 1 at the gateway: the blocklist, the WAF and the staff controls for blocks. */
@Module({
  imports: [EdgeAccessModule],
  controllers: [EdgeBlocksController],
  providers: [EdgeBlocklist, EdgeShield],
  exports: [EdgeShield],
})
export class ShieldModule {}
