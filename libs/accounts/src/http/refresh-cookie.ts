import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { map, Observable } from 'rxjs';
import { APP_KIND, AppKind, ForbiddenError, KONTOR_CONFIG, KontorConfig, UnauthenticatedError } from '@kontor/platform';

export const CSRF_HEADER = 'x-kontor-csrf';

interface CookieRequest {
  headers: Record<string, string | string[] | undefined>;
}
interface CookieReply {
  header(name: string, value: string): unknown;
}

/**
 * The refresh token of a browser session, in an httpOnly, SameSite=Strict cookie scoped to
 * /auth (Secure when the app's public URL is https); the access token stays in the JSON body, for
 * the page to keep in memory. Cookies ignore ports, so each app has its own cookie name.
 * CSRF: SameSite=Strict already keeps the cookie off cross-site requests; a request that relies on
 * the cookie must also send `X-Kontor-CSRF: 1`, a header no cross-origin form or fetch can add
 * without a CORS preflight, which the apps never grant.
 */
@Injectable()
export class RefreshCookie {
  private readonly name: string;
  private readonly attributes: string;

  constructor(@Inject(APP_KIND) app: AppKind, @Inject(KONTOR_CONFIG) config: KontorConfig) {
    this.name = `kontor_${app}_refresh`;
    const secure = config.publicUrls[app].startsWith('https:') ? '; Secure' : '';
    this.attributes = `Path=/auth; HttpOnly; SameSite=Strict${secure}`;
    this.maxAgeSeconds = config.refreshTokenTtlDays * 86_400;
  }

  private readonly maxAgeSeconds: number;

  set(reply: CookieReply, refreshToken: string): void {
    reply.header('set-cookie', `${this.name}=${refreshToken}; Max-Age=${this.maxAgeSeconds}; ${this.attributes}`);
  }

  clear(reply: CookieReply): void {
    reply.header('set-cookie', `${this.name}=; Max-Age=0; ${this.attributes}`);
  }

  /** The token from the body, else from the cookie (with the CSRF header), else 401. */
  token(fromBody: string | null | undefined, request: CookieRequest): string {
    if (fromBody) return fromBody;
    const cookie = this.read(request);
    if (!cookie) throw new UnauthenticatedError('UNAUTHENTICATED', 'refreshToken: send the refresh token in the body or its cookie');
    if (request.headers[CSRF_HEADER] !== '1') throw new ForbiddenError('CSRF_HEADER_REQUIRED', 'A request that uses the refresh cookie must send the header X-Kontor-CSRF: 1');
    return cookie;
  }

  private read(request: CookieRequest): string | null {
    const header = request.headers.cookie;
    if (typeof header !== 'string') return null;
    for (const part of header.split(';')) {
      const [key, ...value] = part.trim().split('=');
      if (key === this.name && value.length) return value.join('=') || null;
    }
    return null;
  }
}

/** Sets the refresh cookie on every answer that opens or continues a session. */
@Injectable()
export class RefreshCookieInterceptor implements NestInterceptor {
  constructor(private readonly cookie: RefreshCookie) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<CookieReply>();
    return next.handle().pipe(
      map((body: unknown) => {
        const session = body as { status?: string; refreshToken?: unknown } | undefined;
        if (session?.status === 'signed_in' && typeof session.refreshToken === 'string') this.cookie.set(reply, session.refreshToken);
        return body;
      }),
    );
  }
}
