import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { RequireRoles, RolesGuard, SignedInGuard } from '@storefront/identity/access';
import { AllowedClients } from '@storefront/platform/mtls';
import type { AlertView } from './alert.view';
import { AlertsService } from './alerts.service';
import { ListAlertsQueryDto } from './dto/list-alerts.query.dto';

/** Alerts for security staff, reached only through the gateway. */
@Controller('admin/alerts')
@AllowedClients('gateway')
@UseGuards(SignedInGuard, RolesGuard)
@RequireRoles('security', 'admin')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  list(@Query() query: ListAlertsQueryDto): Promise<{ items: AlertView[] }> {
    return this.alerts.list(query.limit, query.status);
  }
}
