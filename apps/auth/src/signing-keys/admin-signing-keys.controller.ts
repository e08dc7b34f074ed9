import { Controller, Get, Header, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { type AuthenticatedUser, CurrentUser, PermissionGuard, RequirePermission, SignedInGuard } from '@storefront/identity/access';
import { SecurityEventPublisher } from '@storefront/platform/events';
import { AllowedClients } from '@storefront/platform/mtls';
import { ClientIp } from '../http/client-ip.decorator';
import { SigningKeys } from './signing-keys';

interface SigningKeyView {
  kid: string;
  activatesAt: string;
  state: string;
}

/** Reached through the gateway as /api/admin/signing-keys: the token signing keyring, for admins only. */
@Controller('admin/signing-keys')
@AllowedClients('gateway')
@UseGuards(SignedInGuard, PermissionGuard)
@RequirePermission('signing-keys:rotate')
export class AdminSigningKeysController {
  constructor(
    private readonly keys: SigningKeys,
    private readonly events: SecurityEventPublisher,
  ) {}

  @Get()
  @Header('cache-control', 'no-store')
  list(): { keys: SigningKeyView[] } {
    return { keys: this.keys.describe().map((key) => ({ ...key, activatesAt: key.activatesAt.toISOString() })) };
  }

  /** Publishes a new key now; it signs after the activation delay, and nobody is logged out. */
  @Post('rotate')
  @HttpCode(HttpStatus.CREATED)
  @Header('cache-control', 'no-store')
  async rotate(@CurrentUser() admin: AuthenticatedUser, @ClientIp() ip: string | undefined): Promise<{ kid: string; activatesAt: string }> {
    const next = await this.keys.rotate();
    void this.events.publish({
      type: 'config.changed',
      outcome: 'success',
      actor: { userId: admin.id },
      source: ip ? { ip } : {},
      details: { change: 'signing_key.rotated', kid: next.kid, activatesAt: next.activatesAt.toISOString() },
    });
    return { kid: next.kid, activatesAt: next.activatesAt.toISOString() };
  }
}
