import { Injectable } from '@nestjs/common';

/** Waiting, behind a provider so the sign-in slow-down can be asserted in tests without real waits. */
@Injectable()
export class Sleeper {
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }
}
