import { Controller, Get, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { AllowedClients } from '@storefront/platform/mtls';
import { AssertedUserId, GatewayAssertionGuard } from '../cards/gateway-assertion.guard';
import { type RewrapProgress, RewrapService } from '../rewrap/rewrap.service';
import { MasterKeyRotationService } from './master-key-rotation.service';

/**
 * The admin's "rotate now" and the rewrap's progress, reached only through
 * the gateway (mTLS identity), which checks the keys:rotate permission and a
 * fresh second factor before it signs an assertion bound to this exact
 * method and path; an assertion made for another route (a shopper's
 * POST /payments/cards) is refused here by GatewayAssertionGuard.
 */
@Controller('admin/keys')
@AllowedClients('gateway')
@UseGuards(GatewayAssertionGuard)
export class KeyAdminController {
  constructor(
    private readonly rotation: MasterKeyRotationService,
    private readonly rewrap: RewrapService,
  ) {}

  /** Rotates the vault's master key and starts moving stored card keys to it; answers at once with the progress. */
  @Post('rotate')
  @HttpCode(HttpStatus.ACCEPTED)
  async rotate(@AssertedUserId() _admin: string): Promise<RewrapProgress> {
    await this.rotation.rotateNow();
    // Queued, not awaited: the admin watches it through GET rewrap. With the vault's Redis down the rotation
    // still stands (new cards use the new material) and the scheduled run moves the old keys later.
    await this.rewrap.start();
    return this.rewrap.progress();
  }

  @Get('rewrap')
  progress(@AssertedUserId() _admin: string): Promise<RewrapProgress> {
    return this.rewrap.progress();
  }
}
