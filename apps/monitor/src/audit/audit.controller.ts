import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { PermissionGuard, RequirePermission, SignedInGuard } from '@storefront/identity/access';
import { AllowedClients } from '@storefront/platform/mtls';
import { AuditService, type AuditEntryView, type AuditVerification } from './audit.service';
import { ListAuditQueryDto } from './dto/list-audit.query.dto';

/** The audit log for security staff, reached only through the gateway. */
@Controller('admin/audit')
@AllowedClients('gateway')
@UseGuards(SignedInGuard, PermissionGuard)
@RequirePermission('audit:read')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  list(@Query() query: ListAuditQueryDto): Promise<{ items: AuditEntryView[] }> {
    return this.audit.list(query.limit, query.beforeSeq);
  }

  @Get('verify')
  verify(): Promise<AuditVerification> {
    return this.audit.verify();
  }
}
