import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { AccessTokenService, AppKind, Clock, KONTOR_CONFIG, KontorConfig, UnauthenticatedError } from '@kontor/platform';
import { hashSecretToken, newSecretToken } from './domain/secret-token';
import { SessionDto } from './dto/auth.dto';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { SignInChallengesRepository } from './sign-in-challenges.repository';

/** Who a session belongs to. */
export interface SessionSubject {
  kind: 'user' | 'operator';
  id: string;
  companyId: string | null;
  app: AppKind;
}

/** What a second-factor challenge token carries between the two sign-in steps. */
export interface ChallengeClaims extends SessionSubject {
  purpose: 'two_factor' | 'two_factor_setup';
}

/** A verified challenge: its id and expiry let it be used once (see consumeChallenge). */
export interface VerifiedChallenge extends ChallengeClaims {
  jti: string;
  exp: number;
}

const CHALLENGE_TTL_SECONDS = 300;

/**
 * Issues access tokens and rotating refresh tokens. Each refresh replaces the token with a new one
 * of the same family; presenting an already-used token means it was stolen or replayed, so the
 * whole family is revoked and every holder must sign in again.
 */
@Injectable()
export class SessionTokensService {
  constructor(
    private readonly accessTokens: AccessTokenService,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly challenges: SignInChallengesRepository,
    private readonly jwt: JwtService,
    private readonly clock: Clock,
    @Inject(KONTOR_CONFIG) private readonly config: KontorConfig,
  ) {}

  async issue(subject: SessionSubject, familyId: string = randomUUID()): Promise<SessionDto> {
    const { token, hash } = newSecretToken();
    const now = this.clock.now();
    await this.refreshTokens.insert({
      familyId,
      tokenHash: hash,
      subjectKind: subject.kind,
      subjectId: subject.id,
      companyId: subject.companyId,
      app: subject.app,
      expiresAt: new Date(now.getTime() + this.config.refreshTokenTtlDays * 86_400_000),
    });
    const { accessToken, expiresIn } = this.accessTokens.sign({
      sub: subject.id,
      kind: subject.kind,
      app: subject.app,
      // The refresh family is the session: signing out or a detected reuse ends its access tokens too.
      sid: familyId,
      ...(subject.companyId ? { cid: subject.companyId } : {}),
    });
    return { status: 'signed_in', accessToken, refreshToken: token, expiresIn, tokenType: 'Bearer' };
  }

  /**
   * Validates and consumes a refresh token; returns its subject so the caller can re-check that
   * the subject may still act before `issue` continues the family.
   */
  async consume(refreshToken: string, app: AppKind): Promise<{ subject: SessionSubject; familyId: string }> {
    const stored = await this.refreshTokens.findByHash(hashSecretToken(refreshToken));
    const now = this.clock.now();
    if (!stored || stored.app !== app) throw new UnauthenticatedError('INVALID_REFRESH_TOKEN', 'The refresh token is invalid');
    if (stored.revokedAt) throw new UnauthenticatedError('INVALID_REFRESH_TOKEN', 'The refresh token was revoked; sign in again');
    if (stored.usedAt || !(await this.refreshTokens.markUsed(stored.id, now))) {
      await this.refreshTokens.revokeFamily(stored.familyId, now);
      throw new UnauthenticatedError('REFRESH_TOKEN_REUSED', 'This refresh token was already used; the session was revoked, sign in again');
    }
    if (stored.expiresAt <= now) throw new UnauthenticatedError('INVALID_REFRESH_TOKEN', 'The refresh token has expired; sign in again');
    return {
      subject: { kind: stored.subjectKind, id: stored.subjectId, companyId: stored.companyId, app: stored.app },
      familyId: stored.familyId,
    };
  }

  async revoke(refreshToken: string, app: AppKind): Promise<void> {
    const stored = await this.refreshTokens.findByHash(hashSecretToken(refreshToken));
    if (stored && stored.app === app) await this.refreshTokens.revokeFamily(stored.familyId, this.clock.now());
  }

  challenge(claims: ChallengeClaims): string {
    return this.jwt.sign({ ...claims, jti: randomUUID() }, { secret: this.config.jwtSecret, expiresIn: CHALLENGE_TTL_SECONDS, audience: 'kontor:challenge' });
  }

  readChallenge(token: string, app: AppKind, purpose: ChallengeClaims['purpose']): VerifiedChallenge {
    try {
      const claims = this.jwt.verify<VerifiedChallenge>(token, { secret: this.config.jwtSecret, audience: 'kontor:challenge', algorithms: ['HS256'] });
      if (claims.app === app && claims.purpose === purpose && typeof claims.jti === 'string' && typeof claims.exp === 'number') return claims;
    } catch {
      // fall through: expired and forged challenges look the same to the client
    }
    throw new UnauthenticatedError('INVALID_CHALLENGE', 'The sign-in challenge is invalid or expired; sign in again');
  }

  /** Marks a challenge used, in the caller's transaction; a second use (a replay, or a race with the first) is refused. */
  async consumeChallenge(claims: VerifiedChallenge): Promise<void> {
    if (!(await this.challenges.claim(claims.jti, new Date(claims.exp * 1000), this.clock.now()))) {
      throw new UnauthenticatedError('INVALID_CHALLENGE', 'The sign-in challenge was already used; sign in again');
    }
  }
}
