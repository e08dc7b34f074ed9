import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuthAccessModule } from '../access/auth-access.module';
import { SessionsModule } from '../sessions/sessions.module';
import { SignInProtectionModule } from '../sign-in-protection/sign-in-protection.module';
import { PasskeyAssertions } from './passkey-assertions';
import { PasskeySignInController } from './passkey-sign-in.controller';
import { PasskeySignInService } from './passkey-sign-in.service';
import { PasskeysController } from './passkeys.controller';
import { PasskeysRepository } from './passkeys.repository';
import { PasskeysService } from './passkeys.service';
import { WebAuthnChallenges } from './webauthn-challenges';

@Module({
  imports: [AccountsModule, AuthAccessModule, SessionsModule, SignInProtectionModule],
  controllers: [PasskeysController, PasskeySignInController],
  providers: [PasskeysService, PasskeySignInService, PasskeyAssertions, PasskeysRepository, WebAuthnChallenges],
  // Step-up confirms a signed-in user with one of their passkeys: the same assertion check, its own challenges.
  exports: [PasskeyAssertions, PasskeysRepository, WebAuthnChallenges],
})
export class PasskeysModule {}
