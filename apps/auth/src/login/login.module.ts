import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { MfaModule } from '../mfa/mfa.module';
import { PasswordsModule } from '../passwords/passwords.module';
import { SessionsModule } from '../sessions/sessions.module';
import { SignInProtectionModule } from '../sign-in-protection/sign-in-protection.module';
import { LoginController } from './login.controller';
import { LoginService } from './login.service';

@Module({
  imports: [AccountsModule, PasswordsModule, MfaModule, SessionsModule, SignInProtectionModule],
  controllers: [LoginController],
  providers: [LoginService],
})
export class LoginModule {}
