import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { notFoundHandler } from '../errors.js';

/** Where `npm run build:web` writes the console's bundle. */
export const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');

const wantsHtml = (request: FastifyRequest) => request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');

/**
 * The console on the same origin: the built bundle at `/`, and `index.html` for
 * every other page the browser asks for (the console routes on its own). Nothing
 * under `/api` falls back: an unknown API path stays a JSON 404. Without a built
 * bundle (tests of the API alone) only the JSON 404 is served.
 */
export const consolePlugin = fp(
  async (app: FastifyInstance, options: { root: string; apiPrefix: string }) => {
    const served = existsSync(path.join(options.root, 'index.html'));
    if (served) {
      await app.register(fastifyStatic, {
        root: options.root,
        prefix: '/',
        index: ['index.html'],
        cacheControl: false,
        // Hashed file names under assets/ never change; index.html always is asked again.
        setHeaders: (res, file) => res.setHeader('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
      });
    }
    app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
      const url = request.url.split('?')[0] ?? '';
      const isApi = url === options.apiPrefix || url.startsWith(`${options.apiPrefix}/`);
      if (served && !isApi && wantsHtml(request)) {
        return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html', { cacheControl: false });
      }
      return notFoundHandler(request, reply);
    });
  },
  { name: 'console' },
);
