import { Module } from '@nestjs/common';
import { PasswordsModule } from '../passwords/passwords.module';
import { DemoSeedRepository } from './demo-seed.repository';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [PasswordsModule], providers: [DemoSeedService, DemoSeedRepository] })
export class SeedModule {}
