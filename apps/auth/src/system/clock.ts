import { Injectable } from '@nestjs/common';

/** The time, behind a provider so expiry logic can be tested at chosen instants. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
