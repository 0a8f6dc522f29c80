import { applyDecorators, CallHandler, ExecutionContext, HttpCode, Injectable, NestInterceptor, SetMetadata, UseInterceptors } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiHeader } from '@nestjs/swagger';
import { from, lastValueFrom, Observable } from 'rxjs';
import { Actor } from '../auth/actor';
import { ValidationError } from '../errors/domain-errors';
import { IdempotencyService, requestFingerprint } from './idempotency.service';

const IDEMPOTENT_STATUS = 'kontor:idempotent-status';

interface IdempotentRequest {
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  params: unknown;
  query: unknown;
  method: string;
  routeOptions?: { url?: string };
  actor?: Actor;
}

/** Marks a retry-safe write: it requires an Idempotency-Key header and replays its first response. */
export function Idempotent(status = 201) {
  return applyDecorators(
    SetMetadata(IDEMPOTENT_STATUS, status),
    HttpCode(status),
    ApiHeader({ name: 'Idempotency-Key', required: true, description: 'Unique per logical write; a retry with the same key returns the first response' }),
    UseInterceptors(IdempotentInterceptor),
  );
}

@Injectable()
export class IdempotentInterceptor implements NestInterceptor {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<IdempotentRequest>();
    const reply = context.switchToHttp().getResponse<{ status(code: number): unknown; header(k: string, v: string): unknown }>();
    const status = this.reflector.get<number>(IDEMPOTENT_STATUS, context.getHandler()) ?? 201;
    const raw = request.headers['idempotency-key'];
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (!key) throw ValidationError.field('Idempotency-Key', 'header is required for this write');
    const actor = request.actor;
    const owner = actor ? (actor.kind === 'user' ? `${actor.app}:${actor.companyId}` : `admin:${actor.userId}`) : 'anonymous';
    const route = `${request.method} ${request.routeOptions?.url ?? ''}`;
    const fingerprint = requestFingerprint({ route, params: request.params, query: request.query, body: request.body });
    return from(
      this.idempotency
        .execute(`${owner}:${route}`, key, fingerprint, async () => ({ status, body: await lastValueFrom(next.handle(), { defaultValue: null }) }))
        .then((stored) => {
          reply.status(stored.status);
          if (stored.replayed) reply.header('Idempotent-Replayed', 'true');
          return stored.body;
        }),
    );
  }
}
