import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createSecretKey, KeyObject } from 'node:crypto';
import { KONTOR_CONFIG } from '../config/kontor-config.module';
import { KontorConfig } from '../config/kontor-config';
import { AppKind } from './actor';

/** What a short-lived access token says; the guard re-checks it against the database on every request. */
export interface AccessClaims {
  sub: string;
  kind: 'user' | 'operator';
  app: AppKind;
  /** Company the token acts in (company users only). */
  cid?: string;
  /** Session (refresh-token family) the token belongs to; the actor directory checks it is still open. */
  sid: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class AccessTokenService {
  /**
   * The secret as a key object, made once: given a string, jsonwebtoken first tries to parse it as
   * a public key on every verify (a thrown and caught error), which cost ~0.7 ms per request.
   */
  private readonly verifyKey: KeyObject;

  constructor(
    private readonly jwt: JwtService,
    @Inject(KONTOR_CONFIG) private readonly config: KontorConfig,
  ) {
    this.verifyKey = createSecretKey(Buffer.from(config.jwtSecret));
  }

  sign(claims: AccessClaims): { accessToken: string; expiresIn: number } {
    const expiresIn = this.config.accessTokenTtlSeconds;
    const accessToken = this.jwt.sign({ ...claims }, { secret: this.config.jwtSecret, expiresIn, audience: `kontor:${claims.app}` });
    return { accessToken, expiresIn };
  }

  /** Returns the claims, or null when the token is malformed, expired, never expires, has no session, or is for another app. */
  verify(token: string, app: AppKind): AccessClaims | null {
    try {
      const claims = this.jwt.verify<AccessClaims & { aud: string; exp?: unknown }>(token, {
        // jsonwebtoken accepts a KeyObject; @nestjs/jwt's option type only lists string | Buffer.
        secret: this.verifyKey as unknown as Buffer,
        audience: `kontor:${app}`,
        algorithms: ['HS256'],
      });
      // jsonwebtoken accepts a token without `exp` as never expiring; ours always carry one.
      if (typeof claims.exp !== 'number' || typeof claims.sid !== 'string' || !UUID.test(claims.sid)) return null;
      return claims.app === app ? claims : null;
    } catch {
      return null;
    }
  }
}
