import { Injectable } from '@nestjs/common';
import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';

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
    if (!/^\d{6}$/.test(code)) return false;
    try {
      return verifySync({ secret, token: code, epochTolerance: 30 }).valid;
    } catch {
      return false;
    }
  }

  /** The current code; used by demo tooling and tests that act as the authenticator app. */
  current(secret: string): string {
    return generateSync({ secret });
  }
}
