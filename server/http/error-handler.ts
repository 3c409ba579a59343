/** One JSON error shape for every failure: { statusCode, error, code, message }. Client errors keep their message; server errors never leak internals. */
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { RATE_LIMITED } from '../../contracts/errors.js';
import { HttpError } from './errors.js';

/** Disk full, as the file system, SQLite and Postgres say it. */
const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL', '53100']);

/**
 * `hidePaths`: folders of this server (data, temporary, checkout) that must never appear in a message:
 * any mention is replaced by "(server file)".
 */
export function installErrorHandler(app: FastifyInstance, hidePaths: string[] = []): void {
  const roots = [...new Set(hidePaths.filter((p) => p.length > 1))].sort((a, b) => b.length - a.length);
  const scrub = (m: string) => roots.reduce((out, root) => out.split(root).join('(server file)'), m).replace(/\(server file\)[^\s,;)'"]*/g, '(server file)');
  app.setErrorHandler((err: FastifyError, request, reply) => {
    let status = 500;
    let code = 'INTERNAL_ERROR';
    let message = 'Something went wrong on the server. The error was logged; please try again.';
    if (err instanceof HttpError) {
      status = err.statusCode;
      code = err.code;
      message = err.message;
      for (const [k, v] of Object.entries(err.headers)) void reply.header(k, v);
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      status = 400;
      code = 'VALIDATION_ERROR';
      message = `Invalid request: ${err.validation.map((v) => `${(v.instancePath || err.validationContext || '').replace(/^\//, '') || 'body'} ${v.message}`).join('; ')}`;
    } else if (DISK_FULL.has(String(err.code))) {
      status = 507;
      code = 'STORAGE_FULL';
      message = 'The server has no space left on its disk, so it could not save this. Nothing was saved; please try again later or tell the administrator.';
    } else if (err.code === 'EROFS' || err.code === 'EACCES') {
      status = 507;
      code = 'STORAGE_UNWRITABLE';
      message = 'The server cannot write to its data directory. Nothing was saved; please tell the administrator.';
    } else if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      status = 415;
      code = 'UNSUPPORTED_CONTENT_TYPE';
      message = `This route does not accept "${String(request.headers['content-type'] ?? 'no content type').slice(0, 100)}": send JSON, or multipart/form-data for uploads.`;
    } else if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      status = err.statusCode;
      code = status === 429 ? RATE_LIMITED : (err.code ?? 'BAD_REQUEST');
      message = err.message;
    }
    message = scrub(message);
    if (status >= 500) request.log.error({ err }, 'request failed');
    else request.log.info({ code, status }, message);
    if (status === 413) reply.header('connection', 'close');
    void reply.status(status).send({ statusCode: status, error: STATUS_CODES[status] ?? 'Error', code, message });
  });

  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ statusCode: 404, error: 'Not Found', code: 'ROUTE_NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}` });
  });
}
