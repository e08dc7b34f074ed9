import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import cookieParser from 'cookie-parser';
import { AccountsModule } from '../accounts/accounts.module';
import { AuthAccessModule } from '../access/auth-access.module';
import { TokensModule } from '../tokens/tokens.module';
import { ActiveSessionGuard } from './active-session.guard';
import { RevokedSessionsPublisher } from './revoked-sessions.publisher';
import { SessionListController } from './session-list.controller';
import { SessionsController } from './sessions.controller';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

@Module({
  imports: [AccountsModule, TokensModule, AuthAccessModule],
  controllers: [SessionsController, SessionListController],
  providers: [SessionsService, SessionsRepository, RevokedSessionsPublisher, ActiveSessionGuard],
  // RevokedSessionsPublisher: the access review ends a user's sessions in its own transaction, then announces them.
  exports: [SessionsService, ActiveSessionGuard, RevokedSessionsPublisher],
})
export class SessionsModule implements NestModule {
  /** Only the routes that read the refresh cookie parse cookies at all. */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(cookieParser()).forRoutes(SessionsController);
  }
}
