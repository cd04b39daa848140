import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    temporal: Client;
    taskQueue: string;
  }
}

/** One Temporal client for the whole app, never one per request. */
export const temporalPlugin = fp(
  async (app: FastifyInstance, options: { client: Client; taskQueue: string }) => {
    app.decorate('temporal', options.client);
    app.decorate('taskQueue', options.taskQueue);
  },
  { name: 'temporal' },
);
