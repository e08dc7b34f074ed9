// class-transformer's @Type reads decorator metadata; load the polyfill here so the DTO works outside Nest too.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsIP, IsISO8601, IsObject, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { IsFlatDetails } from './is-flat-details.validator';
import {
  SECURITY_EVENT_OUTCOMES,
  SECURITY_EVENT_SCHEMA_VERSION,
  SECURITY_EVENT_TYPES,
  type SecurityEvent,
  type SecurityEventDetails,
  type SecurityEventOutcome,
  type SecurityEventType,
} from './security-event.types';

export class SecurityEventActorDto {
  @IsOptional()
  @IsUUID()
  userId?: string;

  // Not @IsEmail: a failed sign-in reports what was typed, and losing that signal is worse than a loose shape.
  @IsOptional()
  @IsString()
  @Length(1, 254)
  email?: string;
}

export class SecurityEventSourceDto {
  @IsOptional()
  @IsIP()
  ip?: string;

  @IsOptional()
  @IsString()
  @Length(1, 512)
  userAgent?: string;
}

/** The validated wire shape of a security event (schema 1). A service trusts no one, so the monitor validates it again. */
export class SecurityEventDto implements SecurityEvent {
  @IsIn([SECURITY_EVENT_SCHEMA_VERSION])
  schema!: typeof SECURITY_EVENT_SCHEMA_VERSION;

  @IsUUID()
  id!: string;

  @IsIn(SECURITY_EVENT_TYPES)
  type!: SecurityEventType;

  @Matches(/^[a-z][a-z0-9-]{1,31}$/, { message: 'service must be a service identity such as auth or payment-vault' })
  service!: string;

  @IsISO8601({ strict: true, strictSeparator: true })
  occurredAt!: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{8,64}$/)
  correlationId?: string;

  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => SecurityEventActorDto)
  actor!: SecurityEventActorDto;

  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => SecurityEventSourceDto)
  source!: SecurityEventSourceDto;

  @IsIn(SECURITY_EVENT_OUTCOMES)
  outcome!: SecurityEventOutcome;

  @IsFlatDetails()
  details!: SecurityEventDetails;
}
