import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';

/** The uploaded CSV as a stream: a multipart file field, or the raw text/csv body. */
export async function csvUpload(request: FastifyRequest): Promise<Readable | string | null> {
  const withFile = request as FastifyRequest & { isMultipart?: () => boolean; file?: () => Promise<{ file: Readable } | undefined> };
  if (withFile.isMultipart?.() && withFile.file) return (await withFile.file())?.file ?? null;
  return (request.body as Readable | string | null | undefined) ?? null;
}
