import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuthAccessModule } from '../access/auth-access.module';
import { MfaModule } from '../mfa/mfa.module';
import { PasskeysModule } from '../passkeys/passkeys.module';
import { SessionsModule } from '../sessions/sessions.module';
import { SignInProtectionModule } from '../sign-in-protection/sign-in-protection.module';
import { PasskeyStepUpService } from './passkey-step-up.service';
import { StepUpAttempts } from './step-up-attempts';
import { StepUpController } from './step-up.controller';
import { StepUpService } from './step-up.service';

@Module({
  imports: [AuthAccessModule, AccountsModule, MfaModule, PasskeysModule, SessionsModule, SignInProtectionModule],
  controllers: [StepUpController],
  providers: [StepUpService, PasskeyStepUpService, StepUpAttempts],
})
export class StepUpModule {}
