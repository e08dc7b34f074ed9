import { Clock } from '../system/clock';
import { Sleeper } from '../system/sleeper';

/** Real time plus an offset the test moves forward, so other time-based code (TOTP, token expiry) keeps working. */
export class MovableClock extends Clock {
  private offsetMs = 0;

  override now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

/** Records every requested wait and returns at once: tests assert on the delays without waiting for them. */
export class RecordingSleeper extends Sleeper {
  readonly delays: number[] = [];

  override sleep(ms: number): Promise<void> {
    this.delays.push(ms);
    return Promise.resolve();
  }

  clear(): void {
    this.delays.length = 0;
  }
}
