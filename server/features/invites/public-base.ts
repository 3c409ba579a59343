/**
 * The base of links the server hands out (invite URLs, links in mail): PUBLIC_URL (required outside development,
 * server/config.ts); in development the address this loopback server is reached at on the socket, never the
 * request's Host header.
 */
import type { FastifyRequest } from 'fastify';
import type { HiringSettings } from '../hiring/settings.js';

export function publicBase(request: FastifyRequest, settings: Pick<HiringSettings, 'PUBLIC_URL' | 'HOST' | 'PORT'>): string {
  if (settings.PUBLIC_URL) return settings.PUBLIC_URL.replace(/\/+$/, '');
  const local = (request.socket.localAddress ?? settings.HOST).replace(/^::ffff:/, '');
  const host = local.includes(':') ? `[${local}]` : local;
  return `http://${host}:${request.socket.localPort ?? settings.PORT}`;
}
