import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuthAccessModule } from '../access/auth-access.module';
import { PasswordsModule } from '../passwords/passwords.module';
import { SessionsModule } from '../sessions/sessions.module';
import { SignInProtectionModule } from '../sign-in-protection/sign-in-protection.module';
import { PasswordChangeController } from './password-change.controller';
import { PasswordChangeService } from './password-change.service';

@Module({
  imports: [AccountsModule, AuthAccessModule, PasswordsModule, SessionsModule, SignInProtectionModule],
  controllers: [PasswordChangeController],
  providers: [PasswordChangeService],
})
export class PasswordChangeModule {}
