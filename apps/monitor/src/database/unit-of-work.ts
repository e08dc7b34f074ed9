import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from './prisma.service';

/** Runs several repositories' writes in one transaction, so an event, its audit entry and its alert commit together. */
@Injectable()
export class UnitOfWork {
  constructor(private readonly prisma: PrismaService) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work, { timeout: 15_000, maxWait: 15_000 });
  }
}
