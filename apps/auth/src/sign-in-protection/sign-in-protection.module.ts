import { Module } from '@nestjs/common';
import { AuthAccessModule } from '../access/auth-access.module';
import { AccountLockoutRepository } from './account-lockout.repository';
import { AdminUnlockController } from './admin-unlock.controller';
import { InternalLockController } from './internal-lock.controller';
import { SignInProtectionService } from './sign-in-protection.service';
import { RedisFailureCounters } from './redis-failure-counters.store';

@Module({
  imports: [AuthAccessModule],
  controllers: [AdminUnlockController, InternalLockController],
  providers: [SignInProtectionService, AccountLockoutRepository, RedisFailureCounters],
  exports: [SignInProtectionService],
})
export class SignInProtectionModule {}
