import { Global, Module } from '@nestjs/common';
import { AuthRedis } from './auth-redis';

@Global()
@Module({ providers: [AuthRedis], exports: [AuthRedis] })
export class AuthRedisModule {}
