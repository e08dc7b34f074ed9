import { Controller, Get, Header, HttpCode, HttpStatus, Param, Post, UseGuards } from '@nestjs/common';
import { type AuthenticatedUser, CurrentUser, PermissionGuard, RequirePermission, SignedInGuard } from '@storefront/identity/access';
import { AllowedClients } from '@storefront/platform/mtls';
import { AccessReviewService } from './access-review.service';
import type { AccessReviewDto } from './dto/access-review.dto';
import type { AccessReviewOverviewDto } from './dto/access-review-overview.dto';
import { ReviewIdParamsDto } from './dto/review-id-params.dto';
import type { StartedReviewDto } from './dto/started-review.dto';

/** Reached through the gateway as /api/admin/access-reviews: see and start reviews of unused staff grants. */
@Controller('admin/access-reviews')
@AllowedClients('gateway')
@UseGuards(SignedInGuard, PermissionGuard)
export class AccessReviewController {
  constructor(private readonly reviews: AccessReviewService) {}

  @Get()
  @RequirePermission('access-reviews:read')
  @Header('cache-control', 'no-store')
  overview(): Promise<AccessReviewOverviewDto> {
    return this.reviews.overview();
  }

  @Get(':id')
  @RequirePermission('access-reviews:read')
  @Header('cache-control', 'no-store')
  find(@Param() params: ReviewIdParamsDto): Promise<AccessReviewDto> {
    return this.reviews.find(params.id);
  }

  /** Starts a review now; 202 because it runs in the background: poll GET /admin/access-reviews/:id. */
  @Post()
  @RequirePermission('access-reviews:run')
  @HttpCode(HttpStatus.ACCEPTED)
  @Header('cache-control', 'no-store')
  async start(@CurrentUser() admin: AuthenticatedUser): Promise<StartedReviewDto> {
    const review = await this.reviews.start(admin.id);
    return { id: review.id, status: 'queued' };
  }
}
