import { applyDecorators, ExecutionContext, Injectable, Logger, OnApplicationShutdown, SetMetadata } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerRequest, ThrottlerStorage } from '@nestjs/throttler';
import { createClient } from 'redis';
import { TooManyRequestsError } from '../errors/domain-errors';

const AUTH_RATE_LIMITED = 'kontor:auth-rate-limited';

/** Applies the strict sign-in/sign-up limit (AUTH_RATE_LIMIT_PER_MINUTE per client address). */
export const AuthRateLimit = () => applyDecorators(SetMetadata(AUTH_RATE_LIMITED, true));

/** Throttler guard where the strict 'auth' limit only applies to routes marked @AuthRateLimit. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  /**
   * HTTP requests only. A socket event has no request address, so every socket of an app would
   * share one budget per handler (6000 chat messages a minute for everybody), and a throttled
   * event would get no acknowledgement; the chat gateways limit messages per user themselves.
   */
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return context.getType() !== 'http';
  }

  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    if (request.throttler.name === 'auth') {
      const marked = this.reflector.getAllAndOverride<boolean>(AUTH_RATE_LIMITED, [request.context.getHandler(), request.context.getClass()]);
      if (!marked) return true;
    }
    return super.handleRequest(request);
  }

  /** Our own error body with a plain Retry-After, instead of the library's exception and message. */
  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    throw new TooManyRequestsError('RATE_LIMITED', `Too many requests; try again in ${seconds} s`, seconds);
  }
}

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * One fixed window per key, counted in Redis, so that every process of an app draws on the same
 * budget. The counter and the block are one Lua script: two processes cannot both see "under the
 * limit" for the last slot.
 */
const INCREMENT = `
local blockTtl = redis.call('PTTL', KEYS[2])
if blockTtl > 0 then
  return {tonumber(ARGV[2]) + 1, blockTtl, 1, blockTtl}
end
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if hits > tonumber(ARGV[2]) and tonumber(ARGV[3]) > 0 then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  redis.call('DEL', KEYS[1])
  return {hits, ttl, 1, tonumber(ARGV[3])}
end
return {hits, ttl, 0, 0}`;

/** ThrottlerStorage over the `redis` client (REDIS_URL): the limits hold across all processes of an app. */
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private readonly client;
  private connecting: Promise<unknown> | null = null;

  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    this.client = createClient({ url });
    this.client.on('error', (e) => this.logger.error(`redis: ${e}`));
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    this.connecting ??= this.client.connect();
    await this.connecting;
    const base = `${this.prefix}${throttlerName}:${key}`;
    const [hits, ttlMs, blocked, blockMs] = (await this.client.eval(INCREMENT, {
      keys: [`${base}:hits`, `${base}:blocked`],
      arguments: [String(ttl), String(limit), String(blockDuration)],
    })) as number[];
    return {
      totalHits: hits,
      timeToExpire: Math.ceil(Math.max(ttlMs, 0) / 1000),
      isBlocked: blocked === 1,
      timeToBlockExpire: Math.ceil(Math.max(blockMs, 0) / 1000),
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.connecting) await this.client.quit().catch(() => undefined);
  }
}
