import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuthAccessModule } from '../access/auth-access.module';
import { MeController } from './me.controller';
import { MeService } from './me.service';

@Module({ imports: [AccountsModule, AuthAccessModule], controllers: [MeController], providers: [MeService] })
export class MeModule {}
