import { AsyncLocalStorage } from 'node:async_hooks';
import { LoggerService } from '@nestjs/common';
import type { Logger as Pino } from 'pino';

/** The app whose request is being handled (npm start runs three apps in one process). */
const currentApp = new AsyncLocalStorage<Pino>();

/** Nest's own start-up chatter (module loading, route mapping, "started"): for debugging, not for operators. */
const STARTUP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

/**
 * Nest's logger for one app, writing JSON through that app's pino logger (named `kontor-<app>`).
 * nestjs-pino keeps one root logger per process, so with several apps in one process every line
 * would carry the first app's name; Nest's static logger is process-wide too, so a line logged
 * while a request is handled goes to the logger of the app that received it.
 */
export class AppLogger implements LoggerService {
  constructor(private readonly pino: Pino) {}

  /** Marks the rest of the current async work (a request, the app's initialisation) as this app's. */
  enter(): void {
    currentApp.enterWith(this.pino);
  }

  log(message: unknown, ...params: unknown[]): void {
    const context = contextOf(params);
    this.write(context && STARTUP_CONTEXTS.has(context) ? 'debug' : 'info', message, context, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    const context = contextOf(params);
    // @nestjs/typeorm warns once per app that the default data source name is taken: its registry is
    // process-wide, but each app has its own Nest container and its own DataSource, so nothing is overridden.
    if (context === 'DataSourceNameRegistry' && String(message).includes('already registered')) return;
    this.write('warn', message, context, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    const context = contextOf(params);
    const stack = params.find((param) => typeof param === 'string' && param.includes('\n    at '));
    this.write('error', message, context, stack ? [{ stack }] : params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, contextOf(params), params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, contextOf(params), params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, contextOf(params), params);
  }

  private write(level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal', message: unknown, context: string | undefined, params: unknown[]): void {
    const logger = currentApp.getStore() ?? this.pino;
    if (!logger.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = context ? { context } : {};
    for (const param of params) if (param && typeof param === 'object' && !Array.isArray(param)) Object.assign(fields, param);
    if (message instanceof Error) logger[level]({ ...fields, err: message }, message.message);
    else if (message && typeof message === 'object') logger[level]({ ...fields, ...message });
    else logger[level](fields, String(message));
  }
}

/** Nest passes the logger's context as the last string argument. */
function contextOf(params: unknown[]): string | undefined {
  const last = params[params.length - 1];
  return typeof last === 'string' && !last.includes('\n') ? last : undefined;
}
