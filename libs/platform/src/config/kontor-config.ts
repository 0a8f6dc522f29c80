import { isIP } from 'node:net';

/** Thrown when the environment holds a value Kontor cannot start with; the message is one line naming the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type NodeEnv = 'development' | 'production' | 'test';

/** Every setting Kontor reads from the environment, parsed and validated once. */
export interface KontorConfig {
  nodeEnv: NodeEnv;
  databaseUrl: string | null;
  dataDir: string;
  embeddedDbPort: number;
  host: string;
  ports: { buyer: number; supplier: number; admin: number };
  publicUrls: { buyer: string; supplier: string; admin: string };
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  invitationTtlHours: number;
  authRateLimitPerMinute: number;
  logLevel: string;
  smtpUrl: string | null;
  mailFrom: string;
  meiliUrl: string | null;
  meiliKey: string | null;
  /** Meilisearch index uid (MEILI_INDEX), so tests and deployments sharing a server do not collide. */
  meiliIndex: string;
  /** Matches up to which the PostgreSQL engine counts total and facets exactly; above, on a sample (SEARCH_EXACT_COUNT_LIMIT). */
  searchExactCountLimit: number;
  stripeSecretKey: string | null;
  stripeWebhookSecret: string | null;
  redisUrl: string | null;
  demoData: boolean;
  jobsEnabled: boolean;
  /** Days a completed order waits before it is settled to the supplier (SETTLEMENT_HOLD_DAYS). */
  settlementHoldDays: number;
  /** Hours after which an unpaid prepaid/card order is cancelled (UNPAID_ORDER_CANCEL_HOURS). */
  unpaidOrderCancelHours: number;
  /** Base URL of the Stripe API (STRIPE_API_URL); only set to point the SDK at a local fake in tests. */
  stripeApiUrl: string | null;
  /** Days after an RFQ closes in which the buyer may still award; then it expires. */
  rfqAwardWindowDays: number;
  /** Mask e-mails, phone numbers and links in chat for the other party until an award. */
  chatMaskContacts: boolean;
  /** How often (ms) the embedded chat fan-out polls for events of other processes (no REDIS_URL). */
  chatPollIntervalMs: number;
  /** Chat messages one user may send per minute (per process). */
  chatRateLimitPerMinute: number;
  /** Largest request body (HTTP_BODY_LIMIT_BYTES); JSON bodies are refused above it before parsing. */
  httpBodyLimitBytes: number;
  /** Deepest nesting of arrays/objects a JSON body may have (HTTP_JSON_MAX_DEPTH). */
  httpJsonMaxDepth: number;
  /** Time a client has to send a whole request, headers and body (HTTP_REQUEST_TIMEOUT_MS). */
  httpRequestTimeoutMs: number;
  /** Time a client has to send the request headers (HTTP_HEADERS_TIMEOUT_MS, at most the request timeout). */
  httpHeadersTimeoutMs: number;
  /** A connection on which nothing moves for this long is closed (HTTP_IDLE_TIMEOUT_MS). */
  httpIdleTimeoutMs: number;
  /** How long an idle keep-alive connection waits for the next request (HTTP_KEEP_ALIVE_TIMEOUT_MS). */
  httpKeepAliveTimeoutMs: number;
  /** Rows one CSV import request may hold; above, nothing is imported (CSV_IMPORT_MAX_ROWS). */
  csvImportMaxRows: number;
  /** Which forwarding proxies to believe for the client address (TRUST_PROXY): none (false), a hop count, or addresses/CIDRs. */
  trustProxy: false | number | string[];
  /** Bearer token that /metrics requires (METRICS_TOKEN); unset: /metrics answers on loopback only. */
  metricsToken: string | null;
  /** Failed sign-ins of one account after which each further attempt must wait, doubling (SIGN_IN_BACKOFF_AFTER). */
  signInBackoffAfter: number;
  /** Failed sign-ins of one account that lock it for SIGN_IN_LOCK_MINUTES and mail its owner (SIGN_IN_LOCK_AFTER). */
  signInLockAfter: number;
  /** How long a locked account stays locked; also how long failures are remembered (SIGN_IN_LOCK_MINUTES). */
  signInLockMinutes: number;
  /** Lifetime of a password-reset link (PASSWORD_RESET_TTL_MINUTES). */
  passwordResetTtlMinutes: number;
  /** Lifetime of an e-mail verification link (EMAIL_VERIFICATION_TTL_HOURS). */
  emailVerificationTtlHours: number;
}

type Env = Record<string, string | undefined>;

const DEV_JWT_SECRET = 'kontor-development-secret-change-me';
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function fail(name: string, expectation: string, value: string): never {
  throw new ConfigError(`Invalid configuration: ${name} ${expectation} (got '${value}')`);
}

function str(env: Env, name: string, fallback: string): string {
  const v = env[name];
  return v === undefined || v === '' ? fallback : v;
}

function optional(env: Env, name: string): string | null {
  const v = env[name];
  return v === undefined || v === '' ? null : v;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) fail(name, `must be an integer between ${min} and ${max}`, raw);
  const n = Number(raw);
  if (n < min || n > max) fail(name, `must be an integer between ${min} and ${max}`, raw);
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  return fail(name, 'must be true or false', raw);
}

/** A Meilisearch index uid: letters, digits, `-` and `_`, at most 400 characters (Meilisearch's own rule). */
function indexUid(env: Env, name: string, fallback: string): string {
  const v = str(env, name, fallback);
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(v)) fail(name, 'must be 1-400 letters, digits, - or _', v);
  return v;
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = optional(env, name);
  if (raw === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return fail(name, `must be a URL (${protocols.join(', ')})`, redact(raw));
  }
  if (!protocols.includes(parsed.protocol.replace(/:$/, ''))) {
    fail(name, `must use one of ${protocols.join(', ')}`, redact(raw));
  }
  if (!parsed.hostname) fail(name, 'must name a host', redact(raw));
  return raw;
}

/** TRUST_PROXY: unset trusts no forwarding header; a hop count; or a comma-separated list of addresses / CIDR ranges. */
function trustProxy(env: Env): false | number | string[] {
  const raw = optional(env, 'TRUST_PROXY');
  if (raw === null || ['false', '0', 'no', 'off'].includes(raw.trim().toLowerCase())) return false;
  if (/^\d+$/.test(raw.trim())) return int(env, 'TRUST_PROXY', 0, 0, 100);
  const entries = raw.split(',').map((e) => e.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address);
    const maxBits = family === 6 ? 128 : 32;
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
    if (!family || !bitsOk || extra !== undefined) fail('TRUST_PROXY', 'must be a hop count or a comma-separated list of IP addresses / CIDR ranges', raw);
  }
  return entries;
}

/** Keeps passwords embedded in URLs out of error messages. */
function redact(raw: string): string {
  return raw.replace(/\/\/([^:/@]+):([^@]+)@/, '//$1:***@');
}

/** Parses and validates the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): KontorConfig {
  const nodeEnv = str(env, 'NODE_ENV', 'development');
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    fail('NODE_ENV', 'must be development, production or test', nodeEnv);
  }
  const jwtSecret = str(env, 'JWT_SECRET', DEV_JWT_SECRET);
  if (nodeEnv === 'production' && jwtSecret === DEV_JWT_SECRET) {
    throw new ConfigError('Invalid configuration: JWT_SECRET must be set in production');
  }
  if (jwtSecret.length < 16) fail('JWT_SECRET', 'must be at least 16 characters', '***');
  const logLevel = str(env, 'LOG_LEVEL', 'info');
  if (!LOG_LEVELS.includes(logLevel)) fail('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`, logLevel);
  const ports = {
    buyer: int(env, 'BUYER_PORT', 3001, 0, 65535),
    supplier: int(env, 'SUPPLIER_PORT', 3002, 0, 65535),
    admin: int(env, 'ADMIN_PORT', 3003, 0, 65535),
  };
  const publicUrl = (name: string, port: number) =>
    url(env, name, ['http', 'https']) ?? `http://localhost:${port}`;
  const config: KontorConfig = {
    nodeEnv: nodeEnv as NodeEnv,
    databaseUrl: url(env, 'DATABASE_URL', ['postgres', 'postgresql']),
    dataDir: str(env, 'DATA_DIR', './data'),
    embeddedDbPort: int(env, 'EMBEDDED_DB_PORT', 54329, 0, 65535),
    host: str(env, 'HOST', '127.0.0.1'),
    ports,
    publicUrls: {
      buyer: publicUrl('BUYER_PUBLIC_URL', ports.buyer),
      supplier: publicUrl('SUPPLIER_PUBLIC_URL', ports.supplier),
      admin: publicUrl('ADMIN_PUBLIC_URL', ports.admin),
    },
    jwtSecret,
    accessTokenTtlSeconds: int(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86400),
    refreshTokenTtlDays: int(env, 'REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
    invitationTtlHours: int(env, 'INVITATION_TTL_HOURS', 72, 1, 24 * 90),
    authRateLimitPerMinute: int(env, 'AUTH_RATE_LIMIT_PER_MINUTE', 20, 1, 100000),
    logLevel,
    smtpUrl: url(env, 'SMTP_URL', ['smtp', 'smtps']),
    mailFrom: str(env, 'MAIL_FROM', 'Kontor <no-reply@kontor.local>'),
    meiliUrl: url(env, 'MEILI_URL', ['http', 'https']),
    meiliKey: optional(env, 'MEILI_MASTER_KEY'),
    meiliIndex: indexUid(env, 'MEILI_INDEX', 'kontor_listings'),
    searchExactCountLimit: int(env, 'SEARCH_EXACT_COUNT_LIMIT', 1000, 1, 1_000_000),
    stripeSecretKey: optional(env, 'STRIPE_SECRET_KEY'),
    stripeWebhookSecret: optional(env, 'STRIPE_WEBHOOK_SECRET'),
    redisUrl: url(env, 'REDIS_URL', ['redis', 'rediss']),
    demoData: bool(env, 'DEMO_DATA', true),
    jobsEnabled: bool(env, 'JOBS_ENABLED', true),
    settlementHoldDays: int(env, 'SETTLEMENT_HOLD_DAYS', 7, 0, 365),
    unpaidOrderCancelHours: int(env, 'UNPAID_ORDER_CANCEL_HOURS', 72, 1, 24 * 365),
    stripeApiUrl: url(env, 'STRIPE_API_URL', ['http', 'https']),
    rfqAwardWindowDays: int(env, 'RFQ_AWARD_WINDOW_DAYS', 14, 1, 365),
    chatMaskContacts: bool(env, 'CHAT_MASK_CONTACTS', true),
    chatPollIntervalMs: int(env, 'CHAT_POLL_INTERVAL_MS', 100, 10, 60_000),
    chatRateLimitPerMinute: int(env, 'CHAT_RATE_LIMIT_PER_MINUTE', 1200, 1, 1_000_000),
    httpBodyLimitBytes: int(env, 'HTTP_BODY_LIMIT_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
    httpJsonMaxDepth: int(env, 'HTTP_JSON_MAX_DEPTH', 32, 2, 1000),
    httpRequestTimeoutMs: int(env, 'HTTP_REQUEST_TIMEOUT_MS', 30_000, 100, 3_600_000),
    httpHeadersTimeoutMs: int(env, 'HTTP_HEADERS_TIMEOUT_MS', 10_000, 100, 3_600_000),
    httpIdleTimeoutMs: int(env, 'HTTP_IDLE_TIMEOUT_MS', 60_000, 100, 3_600_000),
    httpKeepAliveTimeoutMs: int(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', 5_000, 100, 3_600_000),
    csvImportMaxRows: int(env, 'CSV_IMPORT_MAX_ROWS', 10_000, 1, 1_000_000),
    trustProxy: trustProxy(env),
    metricsToken: optional(env, 'METRICS_TOKEN'),
    signInBackoffAfter: int(env, 'SIGN_IN_BACKOFF_AFTER', 5, 1, 1000),
    signInLockAfter: int(env, 'SIGN_IN_LOCK_AFTER', 10, 1, 1000),
    signInLockMinutes: int(env, 'SIGN_IN_LOCK_MINUTES', 15, 1, 24 * 60),
    passwordResetTtlMinutes: int(env, 'PASSWORD_RESET_TTL_MINUTES', 60, 5, 24 * 60),
    emailVerificationTtlHours: int(env, 'EMAIL_VERIFICATION_TTL_HOURS', 72, 1, 24 * 30),
  };
  if (config.metricsToken !== null && config.metricsToken.length < 16) fail('METRICS_TOKEN', 'must be at least 16 characters', '***');
  if (config.httpHeadersTimeoutMs > config.httpRequestTimeoutMs) {
    fail('HTTP_HEADERS_TIMEOUT_MS', `must not exceed HTTP_REQUEST_TIMEOUT_MS (${config.httpRequestTimeoutMs})`, String(config.httpHeadersTimeoutMs));
  }
  if (config.stripeSecretKey && !/^(sk|rk)_(test|live)_/.test(config.stripeSecretKey)) {
    fail('STRIPE_SECRET_KEY', 'must start with sk_test_, sk_live_, rk_test_ or rk_live_', '***');
  }
  return Object.freeze(config);
}
