import { Injectable } from '@nestjs/common';
import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';

const PERIOD_SECONDS = 30;

/** RFC 6238 time-based one-time codes (authenticator apps). */
@Injectable()
export class Totp {
  newSecret(): string {
    return generateSecret();
  }

  uri(secret: string, label: string): string {
    return generateURI({ secret, issuer: 'Kontor', label });
  }

  /** Accepts the current code and one step either side, for clock drift. */
  verify(secret: string, code: string): boolean {
    return this.matchStep(secret, code, null) !== null;
  }

  /**
   * The time step the code belongs to (current or one either side), or null when it is wrong.
   * Steps up to and including `usedStep` are refused: a code seen once cannot be replayed.
   */
  matchStep(secret: string, code: string, usedStep: number | null): number | null {
    if (!/^\d{6}$/.test(code)) return null;
    try {
      const result = verifySync({ secret, token: code, epochTolerance: PERIOD_SECONDS, ...(usedStep !== null ? { afterTimeStep: usedStep } : {}) });
      return result.valid ? (result as { timeStep: number }).timeStep : null;
    } catch {
      return null;
    }
  }

  /** The current code; used by demo tooling and tests that act as the authenticator app. */
  current(secret: string): string {
    return generateSync({ secret });
  }

  /** The code of the next time step (still accepted now, for clock drift); tests use it for a second sign-in within one window. */
  next(secret: string): string {
    return generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + PERIOD_SECONDS });
  }
}
