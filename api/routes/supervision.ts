import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { allow } from '../access.js';
import { currentUser } from '../plugins/auth.js';
import { dashboard, overdueBoard, overdueBoardQuery, overdueTrend, overdueTrendQuery } from '../schemas/supervision.js';
import { overdueTrendOf } from '../services/overdue-trend.js';
import { dashboardOf, overdueBoardOf } from '../services/supervision.js';

/** The supervisor's overdue board 逾期督查看板 and the leadership group's dashboard 领导小组看板, of the caller's county. */
export const supervisionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.get(
    '/supervision/overdue',
    {
      preHandler: allow('viewOverdueBoard'),
      schema: {
        summary:
          'Supervisors: open overdue work of the county per town or department in aging buckets (≤ 7, 8–30, > 30 days overdue), of the deadline register or of the departments’ tasks',
        tags: ['supervision'],
        querystring: overdueBoardQuery,
        response: { 200: overdueBoard },
      },
    },
    async (request) => overdueBoardOf(app, currentUser(request).jurisdictionId, request.query.source, request.query.by, new Date()),
  );

  app.get(
    '/supervision/overdue/trend',
    {
      preHandler: allow('viewOverdueBoard'),
      schema: {
        summary: 'Supervisors: the deadline register’s open overdue work at the end of each of the last months (the current one: now) in the aging buckets, for the county and per town or department',
        tags: ['supervision'],
        querystring: overdueTrendQuery,
        response: { 200: overdueTrend },
      },
    },
    async (request) => overdueTrendOf(app, currentUser(request).jurisdictionId, request.query.by, request.query.months, new Date()),
  );

  app.get(
    '/dashboard',
    {
      preHandler: allow('viewDashboard'),
      schema: {
        summary: 'Leadership group: monitoring objects by category, town and risk cause; new, eliminated and returned per month (last 12); overdue rates of the tasks by department and town',
        tags: ['supervision'],
        response: { 200: dashboard },
      },
    },
    async (request) => dashboardOf(app, currentUser(request).jurisdictionId, new Date()),
  );
};
