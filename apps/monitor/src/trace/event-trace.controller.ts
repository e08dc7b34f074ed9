import { Controller, Get, Header, Query, UseGuards } from '@nestjs/common';
import { PermissionGuard, RequirePermission, SignedInGuard } from '@storefront/identity/access';
import { AllowedClients } from '@storefront/platform/mtls';
import { EventTraceQueryDto } from './dto/event-trace.query.dto';
import { EventTraceRepository, type TracedAlertView, type TracedEventView } from './event-trace.repository';

/**
 * The stored security events of one group of requests, found by the start of
 * their correlation id (the attack lab tags each of a run's requests
 * `lab-<run id><secret>-<n>`), with the alerts raised on them: the trace the lab
 * shows comes from what the layers really reported. Reached only through
 * the gateway (/api/admin/events).
 */
@Controller('admin/events')
@AllowedClients('gateway')
@UseGuards(SignedInGuard, PermissionGuard)
export class EventTraceController {
  constructor(private readonly trace: EventTraceRepository) {}

  @RequirePermission('alerts:read')
  @Get()
  @Header('cache-control', 'no-store')
  async list(@Query() query: EventTraceQueryDto): Promise<{ items: TracedEventView[]; alerts: TracedAlertView[] }> {
    const items = await this.trace.eventsCorrelatedBy(query.correlationPrefix, query.limit);
    return { items, alerts: await this.trace.alertsOn(items.map((event) => event.id)) };
  }
}
