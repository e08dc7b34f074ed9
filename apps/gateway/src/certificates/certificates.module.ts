import { Module } from '@nestjs/common';
import { EdgeAccessModule } from '../core/edge-access.module';
import { CertificatesController } from './certificates.controller';

/** The security page's view of every service's certificate. */
@Module({ imports: [EdgeAccessModule], controllers: [CertificatesController] })
export class CertificatesModule {}
