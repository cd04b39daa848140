import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { currentUser } from '../plugins/auth.js';
import { documentParams, taskDocument, toTaskDocument } from '../schemas/task-documents.js';
import { taskParams } from '../schemas/tasks.js';
import { documentForDownload, uploadDocument } from '../services/task-documents.js';

/** RFC 6266/5987: a Chinese file name survives the header; the ASCII fallback names only the type. */
const disposition = (name: string, type: string) => `attachment; filename="document.${type.split('/')[1] === 'jpeg' ? 'jpg' : type.split('/')[1]}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * Documents 佐证材料: a department uploads a file (PDF, JPEG, PNG, ≤ 10 MB) for
 * one of its open tasks and names it in the task's completion; whoever may see
 * the household downloads it from the household file.
 */
export const taskDocumentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.post(
    '/tasks/:key/documents',
    {
      schema: {
        summary: 'The department uploads one document (multipart, field "file": PDF, JPEG or PNG by its bytes, at most 10 MB) for an open task of its own; name it in the completion by its reference',
        tags: ['tasks'],
        consumes: ['multipart/form-data'],
        params: taskParams,
        response: { 201: taskDocument },
      },
    },
    async (request, reply) => {
      const row = await uploadDocument(app, request, request.params.key);
      return reply.status(201).send(toTaskDocument(row));
    },
  );

  app.get(
    '/documents/:id',
    {
      schema: {
        summary: 'Download a document, for a user who may see its household',
        tags: ['households'],
        // The answer is the file's own bytes (PDF, JPEG or PNG), which the JSON document cannot describe.
        hide: true,
        params: documentParams,
      },
    },
    async (request, reply) => {
      const d = await documentForDownload(app, request.params.id, currentUser(request));
      return reply
        .header('content-type', d.content_type)
        .header('content-disposition', disposition(d.file_name, d.content_type))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(d.content);
    },
  );
};
