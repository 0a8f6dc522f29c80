import { Controller, Get, Header, Inject, Injectable, Req } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { ApiExcludeController } from '@nestjs/swagger';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { Public } from '../auth/access-metadata';
import { bearerToken } from '../auth/auth.guard';
import { KontorConfig } from '../config/kontor-config';
import { KONTOR_CONFIG } from '../config/kontor-config.module';
import { ForbiddenError, UnauthenticatedError } from '../errors/domain-errors';

/** Prometheus metrics for one app: request counts and latencies per route, plus Node defaults. */
@Injectable()
export class HttpMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by route, method and status',
    labelNames: ['method', 'route', 'status'],
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route and method',
    labelNames: ['method', 'route'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  observe(method: string, route: string, status: number, seconds: number): void {
    this.requests.inc({ method, route, status: String(status) });
    this.latency.observe({ method, route }, seconds);
  }
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * Scraped by Prometheus: with METRICS_TOKEN set, only with that bearer token (from anywhere);
 * without it, only from loopback (request.ip, so a client behind a trusted proxy counts as itself).
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  private readonly token: Buffer | null;

  constructor(
    private readonly metrics: HttpMetrics,
    @Inject(KONTOR_CONFIG) config: KontorConfig,
  ) {
    this.token = config.metricsToken ? Buffer.from(config.metricsToken) : null;
  }

  @Get()
  @Public()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  scrape(@Req() request: { ip: string; headers: Record<string, unknown> }): Promise<string> {
    if (this.token) {
      const given = Buffer.from(bearerToken(request.headers.authorization) ?? '');
      if (given.length !== this.token.length || !timingSafeEqual(given, this.token)) {
        throw new UnauthenticatedError('UNAUTHENTICATED', 'The metrics token is required');
      }
    } else if (!LOOPBACK.test(request.ip)) {
      throw new ForbiddenError('METRICS_LOOPBACK_ONLY', 'Metrics are served on loopback only unless METRICS_TOKEN is set');
    }
    return this.metrics.registry.metrics();
  }
}
