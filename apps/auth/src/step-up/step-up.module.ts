import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuthAccessModule } from '../access/auth-access.module';
import { MfaModule } from '../mfa/mfa.module';
import { SessionsModule } from '../sessions/sessions.module';
import { SignInProtectionModule } from '../sign-in-protection/sign-in-protection.module';
import { StepUpController } from './step-up.controller';
import { StepUpService } from './step-up.service';

@Module({
  imports: [AuthAccessModule, AccountsModule, MfaModule, SessionsModule, SignInProtectionModule],
  controllers: [StepUpController],
  providers: [StepUpService],
})
export class StepUpModule {}
