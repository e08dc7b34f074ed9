import { Module } from '@nestjs/common';
import { PasswordsModule } from '../passwords/passwords.module';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { UsersRepository } from './users.repository';

@Module({
  imports: [PasswordsModule],
  controllers: [AccountsController],
  providers: [AccountsService, UsersRepository],
  exports: [AccountsService],
})
export class AccountsModule {}
