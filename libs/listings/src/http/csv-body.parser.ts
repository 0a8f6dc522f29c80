import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import multipart from '@fastify/multipart';

/**
 * Lets CSV uploads stream instead of being buffered: `text/csv` bodies reach the handler as the raw
 * request stream, and multipart uploads are available through `request.file()`.
 */
@Injectable()
export class CsvBodyParser implements OnModuleInit {
  constructor(private readonly host: HttpAdapterHost) {}

  async onModuleInit(): Promise<void> {
    const instance = this.host.httpAdapter?.getInstance?.();
    if (!instance || typeof instance.addContentTypeParser !== 'function') return;
    if (!instance.hasContentTypeParser('text/csv')) {
      instance.addContentTypeParser('text/csv', (_request: unknown, payload: unknown, done: (err: Error | null, body?: unknown) => void) => done(null, payload));
    }
    if (!instance.hasContentTypeParser('multipart/form-data')) {
      await instance.register(multipart, { limits: { fileSize: 50 * 1024 * 1024, files: 1 } });
    }
  }
}
