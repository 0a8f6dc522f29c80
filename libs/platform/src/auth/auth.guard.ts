import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, UnauthenticatedError } from '../errors/domain-errors';
import { Actor, AppKind, CompanyRole, OperatorRole } from './actor';
import { OPERATOR_ROLES_KEY, PUBLIC_KEY, ROLES_KEY } from './access-metadata';
import { AccessTokenService } from './access-token.service';
import { ACTOR_DIRECTORY, ActorDirectory } from './actor-directory.port';
import { APP_KIND } from './app-kind';

/** Extracts a bearer token from an Authorization header value. */
export function bearerToken(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match ? match[1] : null;
}

/**
 * Global guard: every route needs a valid access token for this app unless marked @Public, and the
 * actor is re-resolved from the database so suspensions and role changes apply immediately.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    @Inject(ACTOR_DIRECTORY) private readonly directory: ActorDirectory,
    @Inject(APP_KIND) private readonly app: AppKind,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true; // sockets authenticate in their gateway handshake
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, unknown>; actor?: Actor }>();
    const actor = await this.authenticate(request.headers.authorization);
    request.actor = actor;
    this.authorize(actor, targets);
    return true;
  }

  /** Verifies a bearer token and resolves the current actor; shared with the socket gateways. */
  async authenticate(authorization: unknown): Promise<Actor> {
    const token = bearerToken(authorization);
    if (!token) throw new UnauthenticatedError('UNAUTHENTICATED', 'A bearer access token is required');
    const claims = this.tokens.verify(token, this.app);
    if (!claims) throw new UnauthenticatedError('INVALID_TOKEN', 'The access token is invalid or expired');
    const actor = await this.directory.resolve(claims);
    if (!actor) throw new UnauthenticatedError('ACCOUNT_INACTIVE', 'This account can no longer act; sign in again');
    return actor;
  }

  private authorize(actor: Actor, targets: Array<object>): void {
    const roles = this.reflector.getAllAndOverride<CompanyRole[] | undefined>(ROLES_KEY, targets as never);
    const operatorRoles = this.reflector.getAllAndOverride<OperatorRole[] | undefined>(OPERATOR_ROLES_KEY, targets as never);
    if (actor.kind === 'user') {
      if (roles && !roles.includes(actor.role)) {
        throw new ForbiddenError('ROLE_REQUIRED', `This action needs one of the roles: ${roles.join(', ')}`);
      }
      return;
    }
    if (operatorRoles && !actor.roles.includes('superadmin') && !operatorRoles.some((r) => actor.roles.includes(r))) {
      throw new ForbiddenError('ROLE_REQUIRED', `This action needs one of the operator roles: ${operatorRoles.join(', ')}`);
    }
  }
}
