import { Global, Module } from '@nestjs/common';
import { AuthSecurityEvents } from './auth-security-events';

/** Global like the SecurityEventsModule it wraps: sign-in, MFA and lockout all report. */
@Global()
@Module({ providers: [AuthSecurityEvents], exports: [AuthSecurityEvents] })
export class AuthSecurityEventsModule {}
