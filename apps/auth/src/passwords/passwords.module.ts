import { Module } from '@nestjs/common';
import { BreachedPasswords, CommonPasswordList } from './breached-passwords';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './password-policy';

@Module({
  providers: [PasswordHasher, PasswordPolicy, { provide: BreachedPasswords, useClass: CommonPasswordList }],
  exports: [PasswordHasher, PasswordPolicy],
})
export class PasswordsModule {}
