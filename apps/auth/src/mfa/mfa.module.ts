import { Module } from '@nestjs/common';
import { AuthAccessModule } from '../access/auth-access.module';
import { PasswordsModule } from '../passwords/passwords.module';
import { MfaRepository } from './mfa.repository';
import { MfaService } from './mfa.service';
import { TotpController } from './totp.controller';

@Module({
  imports: [AuthAccessModule, PasswordsModule],
  controllers: [TotpController],
  providers: [MfaService, MfaRepository],
  exports: [MfaService],
})
export class MfaModule {}
