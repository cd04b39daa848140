import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
  }
}

/** Decorates the app with the database; the owner of the pool closes it. */
export const dbPlugin = fp(async (app: FastifyInstance, options: { db: Kysely<Database> }) => {
  app.decorate('db', options.db);
}, { name: 'db' });
