import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Client } from '@temporalio/client';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { apiDocs } from '../domain/messages/catalogue.js';
import type { Database } from '../db/database.js';
import { errorHandler, notFoundHandler } from './errors.js';
import { metricsPlugin } from './metrics.js';
import { documentedTransform } from './openapi.js';
import { authPlugin } from './plugins/auth.js';
import { consolePlugin, WEB_DIST } from './plugins/console.js';
import { dbPlugin } from './plugins/db.js';
import { temporalPlugin } from './plugins/temporal.js';
import { authRoutes } from './routes/auth.js';
import { countyItemRoutes } from './routes/county-items.js';
import { dueItemRoutes } from './routes/due-items.js';
import { notificationRoutes } from './routes/notifications.js';
import { eliminationRoutes } from './routes/elimination.js';
import { healthRoutes } from './routes/health.js';
import { householdRoutes } from './routes/households.js';
import { identificationRoutes } from './routes/identification.js';
import { jurisdictionRoutes } from './routes/jurisdictions.js';
import { memberRoutes } from './routes/members.js';
import { monitoringRoutes } from './routes/monitoring.js';
import { planRoutes } from './routes/plans.js';
import { policyRoutes } from './routes/policy.js';
import { screeningRoutes } from './routes/screenings.js';
import { campaignRoutes } from './routes/campaigns.js';
import { supervisionRoutes } from './routes/supervision.js';
import { taskRoutes } from './routes/tasks.js';
import { townRoutes } from './routes/towns.js';
import { taskDocumentRoutes } from './routes/task-documents.js';
import { taskInboxRoutes } from './routes/task-inbox.js';
import multipart from '@fastify/multipart';
import { importRoutes } from './routes/imports.js';
import { exportRoutes } from './routes/exports.js';
import { validatorCompiler } from './validation.js';
import { UPDATE_ACCEPT_DEADLINE_MS, withUpdateContext } from './workflow-update.js';
import { publicReportRoutes } from './routes/public-reports.js';
import { selfReportRoutes } from './routes/self-reports.js';
import { policyVersionRoutes } from './routes/policy-versions.js';
import { calendarRoutes } from './routes/calendar.js';
import { adminPlaceRoutes } from './routes/admin-places.js';
import { adminPeopleRoutes } from './routes/admin-people.js';
import { adminDepartmentRoutes } from './routes/admin-departments.js';
import { regionRoutes } from './routes/region.js';
import { assessmentRoutes } from './routes/assessment.js';
import { riskColourRoutes } from './routes/risk-colours.js';
import { rederivationRoutes } from './routes/rederivation.js';
import { whatIfRoutes } from './routes/what-if.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { comparisonRoutes } from './routes/comparison.js';
import { consentRoutes } from './routes/consents.js';
import { departmentRoutes } from './routes/departments.js';
import { eliminationConditionRoutes } from './routes/elimination-conditions.js';

/** Every route a client calls lives under this prefix; the console owns the rest of the origin. */
export const API_PREFIX = '/api';

export interface AppDeps {
  readonly db: Kysely<Database>;
  readonly temporal: Client;
  readonly taskQueue: string;
  readonly sessionTtlHours: number;
  readonly logger?: FastifyServerOptions['logger'];
  /** The console's built bundle (default web/dist); served at `/` when it holds an index.html. */
  readonly webRoot?: string;
  /** How long a request waits for a worker to accept its workflow update before answering 503 (default 15 s). */
  readonly updateAcceptDeadlineMs?: number;
}

export async function buildApp(deps: AppDeps) {
  const app = Fastify({
    logger: deps.logger ?? false,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // First of the request's hooks: the idempotency key and the deadline reach every update the request makes.
  app.addHook('onRequest', withUpdateContext(deps.updateAcceptDeadlineMs ?? UPDATE_ACCEPT_DEADLINE_MS));
  // Security headers and the console's Content-Security-Policy on every answer (api/plugins/security-headers.ts).
  await registerSecurityHeaders(app);

  await app.register(swagger, {
    openapi: {
      info: { ...apiDocs, version: '0.1.0' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: documentedTransform,
  });
  await app.register(swaggerUi, { routePrefix: `${API_PREFIX}/docs` });

  await app.register(dbPlugin, { db: deps.db });
  await app.register(temporalPlugin, { client: deps.temporal, taskQueue: deps.taskQueue });
  await app.register(authPlugin);

  // Probes (compose, the supervisor) and the operators' metrics at the root; everything a client calls is under /api.
  await app.register(healthRoutes);
  await app.register(metricsPlugin);
  await app.register(
    async (api) => {
      api.setNotFoundHandler(notFoundHandler);
      await api.register(authRoutes, { sessionTtlHours: deps.sessionTtlHours });
      await api.register(householdRoutes);
      await api.register(identificationRoutes);
      await api.register(memberRoutes);
      await api.register(monitoringRoutes);
      await api.register(dueItemRoutes);
      await api.register(notificationRoutes);
      await api.register(countyItemRoutes);
      await api.register(eliminationRoutes);
      await api.register(screeningRoutes);
      await api.register(townRoutes);
      await api.register(planRoutes);
      await api.register(taskRoutes);
      await api.register(policyRoutes);
      await api.register(jurisdictionRoutes);
      await api.register(supervisionRoutes);
      await api.register(publicReportRoutes);
      await api.register(selfReportRoutes);
      // One registration for every upload, at the largest file any route takes (a caseload file); each route sets its own limit.
      await api.register(multipart, { limits: { fileSize: 200 * 1024 * 1024, files: 1, fields: 5, parts: 6 } });
      await api.register(taskInboxRoutes);
      await api.register(taskDocumentRoutes);
      await api.register(importRoutes);
      await api.register(exportRoutes);
      await api.register(campaignRoutes);
      await api.register(policyVersionRoutes);
      await api.register(calendarRoutes);
      await api.register(adminPlaceRoutes);
      await api.register(adminPeopleRoutes);
      await api.register(adminDepartmentRoutes);
      await api.register(regionRoutes);
      await api.register(assessmentRoutes);
      await api.register(riskColourRoutes);
      await api.register(rederivationRoutes);
      await api.register(whatIfRoutes);
      await api.register(comparisonRoutes);
      await api.register(consentRoutes);
      await api.register(departmentRoutes);
      await api.register(eliminationConditionRoutes);
    },
    { prefix: API_PREFIX },
  );
  await app.register(consolePlugin, { root: deps.webRoot ?? WEB_DIST, apiPrefix: API_PREFIX });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
