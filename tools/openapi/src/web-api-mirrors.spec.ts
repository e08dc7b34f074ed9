/* eslint-disable @nx/enforce-module-boundaries -- the web bundle cannot import Node services, so apps/web/src/api mirrors their answers; this test (never bundled) reads both sides */
import { describe, expectTypeOf, it } from 'vitest';
import type { AccessReviewDto } from '../../../apps/auth/src/access-review/dto/access-review.dto';
import type { AccessReviewOverviewDto } from '../../../apps/auth/src/access-review/dto/access-review-overview.dto';
import type { EventTraceController } from '../../../apps/monitor/src/trace/event-trace.controller';
import type { RewrapProgress as VaultRewrapProgress } from '../../../apps/payment-vault/src/rewrap/rewrap.service';
import type { AccessReview, AccessReviewOverview } from '../../../apps/web/src/api/access-reviews';
import type { LabEvents, LabRun } from '../../../apps/web/src/api/attack-lab';
import type { RewrapProgress as WebRewrapProgress } from '../../../apps/web/src/pages/admin-keys-api';
import type { RunView } from '../../attack/lab-runs.mjs';

/**
 * What a server answers must fit what the web app reads from it: the
 * checks are on types, so `npm test`'s typecheck stage fails (and the
 * editor shows the mismatch) when a DTO changes without its web mirror.
 * A server may send more fields than the page reads; never fewer or other.
 */
describe("the web app's mirrors of server answers", () => {
  it('attack lab: the runner’s run view and the monitor’s event trace', () => {
    expectTypeOf<RunView>().toExtend<LabRun>();
    expectTypeOf<Awaited<ReturnType<EventTraceController['list']>>>().toExtend<LabEvents>();
  });

  it('access reviews (auth)', () => {
    expectTypeOf<AccessReviewDto>().toExtend<AccessReview>();
    expectTypeOf<AccessReviewOverviewDto>().toExtend<AccessReviewOverview>();
  });

  it('key rotation progress (payment vault)', () => {
    expectTypeOf<VaultRewrapProgress>().toExtend<WebRewrapProgress>();
  });
});
