import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

/** A real hash checked when the account does not exist, so unknown e-mails cost as much as wrong passwords. */
const TIMING_DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$a3P9O1ANiyz4Snr0+Cgs/w$xGyeuj5Rs6oxpBcuQ3YJ8g90Hm0PZKPGlSBqghq1+NI';

/** argon2id password hashes. */
@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
  }

  /** False for a wrong password and for a missing account (after the same amount of work). */
  async verify(passwordHash: string | null | undefined, password: string): Promise<boolean> {
    try {
      const ok = await verify(passwordHash ?? TIMING_DUMMY_HASH, password);
      return ok && passwordHash != null;
    } catch {
      return false;
    }
  }
}
