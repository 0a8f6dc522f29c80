import { Injectable } from '@nestjs/common';

/** The one source of "now"; tests replace it to move time (deadlines, expiries, hold periods). */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves this clock forward; for tests and demo scripts only. */
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
