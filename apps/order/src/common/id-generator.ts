import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';

/** New ids, behind a provider so tests can control them. */
@Injectable()
export class IdGenerator {
  uuid(): string {
    return randomUUID();
  }
}
