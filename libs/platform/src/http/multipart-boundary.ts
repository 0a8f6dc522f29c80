import type { FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../errors/domain-errors';

/** A multipart body without a boundary cannot be split into parts; say so before any handler reads it. */
export async function refuseMultipartWithoutBoundary(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const type = request.headers['content-type'];
  if (typeof type !== 'string' || !/^\s*multipart\//i.test(type)) return;
  if (!/;\s*boundary=("[^"]+"|[^;\s]+)/i.test(type)) {
    throw ValidationError.field('body', 'a multipart body needs a boundary parameter in its content type', 'MULTIPART_MALFORMED');
  }
}
