import { Body, Controller, Get, Header, Param, Patch, Query, UseGuards } from '@nestjs/common';
import { type AuthenticatedUser, CurrentUser, PermissionGuard, RequirePermission, SignedInGuard } from '@storefront/identity/access';
import { AllowedClients } from '@storefront/platform/mtls';
import { AuditService } from '../audit/audit.service';
import { UnitOfWork } from '../database/unit-of-work';
import type { AlertView } from './alert.view';
import { type AlertDetailView, AlertsService } from './alerts.service';
import { AlertIdParamsDto } from './dto/alert-id.params.dto';
import { ListAlertsQueryDto } from './dto/list-alerts.query.dto';
import { UpdateAlertStatusDto } from './dto/update-alert-status.dto';

/** Alerts for security staff, reached only through the gateway (/api/admin/alerts). */
@Controller('admin/alerts')
@AllowedClients('gateway')
@UseGuards(SignedInGuard, PermissionGuard)
export class AlertsController {
  constructor(
    private readonly alerts: AlertsService,
    private readonly audit: AuditService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  @RequirePermission('alerts:read')
  @Get()
  @Header('cache-control', 'no-store')
  list(@Query() query: ListAlertsQueryDto): Promise<{ items: AlertView[] }> {
    return this.alerts.list(query.limit, query.status, query.severity);
  }

  @RequirePermission('alerts:read')
  @Get(':id')
  @Header('cache-control', 'no-store')
  detail(@Param() params: AlertIdParamsDto): Promise<AlertDetailView> {
    return this.alerts.detail(params.id);
  }

  /** Acknowledge or close an alert; who did it goes into the audit log. */
  @RequirePermission('alerts:respond')
  @Patch(':id')
  async setStatus(@Param() params: AlertIdParamsDto, @Body() body: UpdateAlertStatusDto, @CurrentUser() staff: AuthenticatedUser): Promise<AlertView> {
    const alert = await this.alerts.setStatus(params.id, body.status);
    await this.unitOfWork.run(async (tx) => {
      await this.audit.lockForAppend(tx);
      await this.audit.append(tx, { actor: `user:${staff.id}`, action: 'alert.status_changed', subject: `alert:${alert.id}`, details: { status: body.status } });
    });
    return alert;
  }
}
