import { applyDecorators, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerRequest } from '@nestjs/throttler';

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
}
