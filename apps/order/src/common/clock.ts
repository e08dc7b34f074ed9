import { Injectable } from '@nestjs/common';

/** The time, behind a provider so tests can control it. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
