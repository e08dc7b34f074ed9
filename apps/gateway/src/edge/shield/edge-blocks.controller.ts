import { Body, Controller, Delete, Get, Header, HttpCode, HttpStatus, Post, Query, UseGuards } from '@nestjs/common';
import { type AuthenticatedUser, CurrentUser, PermissionGuard, RequirePermission, SignedInGuard } from '@storefront/identity/access';
import { SecurityEventPublisher } from '@storefront/platform/events';
import { DomainError } from '@storefront/platform/http';
import { BlockSourceDto, UnblockSourceQueryDto } from './dto/block-source.dto';
import { EdgeBlocklist } from './edge-blocklist';

interface BlockView {
  entry: string;
  until: string;
}

/**
 * Security staff block and unblock sources at the edge from the web app.
 * Served by the gateway itself (the blocklist is edge state), registered
 * before the proxy's catch-all so these paths never reach a service.
 */
@Controller('api/admin/edge/blocks')
@UseGuards(SignedInGuard, PermissionGuard)
export class EdgeBlocksController {
  constructor(
    private readonly blocklist: EdgeBlocklist,
    private readonly events: SecurityEventPublisher,
  ) {}

  @RequirePermission('edge-blocks:read')
  @Get()
  @Header('cache-control', 'no-store')
  async list(): Promise<{ blocks: BlockView[] }> {
    return { blocks: (await this.blocklist.list()).map((b) => ({ entry: b.entry, until: b.until.toISOString() })) };
  }

  @RequirePermission('edge-blocks:write')
  @Post()
  @HttpCode(HttpStatus.CREATED)
  async block(@Body() dto: BlockSourceDto, @CurrentUser() staff: AuthenticatedUser): Promise<BlockView> {
    const block = await this.blocklist.block(dto.entry, dto.minutes * 60);
    this.changed(staff, { change: 'edge.block.added', entry: dto.entry, minutes: dto.minutes });
    return { entry: block.entry, until: block.until.toISOString() };
  }

  @RequirePermission('edge-blocks:write')
  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  async unblock(@Query() query: UnblockSourceQueryDto, @CurrentUser() staff: AuthenticatedUser): Promise<void> {
    if (!(await this.blocklist.unblock(query.entry))) throw new DomainError('BLOCK_NOT_FOUND', `No block for ${query.entry}.`, 404);
    this.changed(staff, { change: 'edge.block.removed', entry: query.entry });
  }

  private changed(staff: AuthenticatedUser, details: Record<string, string | number>): void {
    void this.events.publish({ type: 'config.changed', outcome: 'success', actor: { userId: staff.id }, details });
  }
}
