import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { allow } from '../access.js';
import { currentUser } from '../plugins/auth.js';
import { calendarAdded, calendarDayBody, calendarQuery, calendarView, calendarYearBody } from '../schemas/policy-versions.js';
import { addCalendarDay, addCalendarYear, calendarView as view, currentYear } from '../services/work-calendar.js';

/** The working-day calendar 工作日历: each year's State Council holiday notice and its days; a year without one is provisional. */
export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.get(
    '/calendar',
    {
      schema: {
        summary: 'The calendar’s years (default: last year to two years ahead), each with its notice and days, or provisional',
        tags: ['calendar'],
        querystring: calendarQuery,
        response: { 200: calendarView },
      },
    },
    async (request) => {
      const from = request.query.from ?? currentYear() - 1;
      const to = Math.max(from, request.query.to ?? currentYear() + 2);
      return view(app, from, Math.min(to, from + 20));
    },
  );

  app.post(
    '/calendar/years',
    {
      preHandler: allow('manageCalendar'),
      schema: { summary: 'Enter a year’s State Council notice and the days it names', tags: ['calendar'], body: calendarYearBody, response: { 201: calendarAdded } },
    },
    async (request, reply) => reply.status(201).send(await addCalendarYear(app, currentUser(request), request.body)),
  );

  app.post(
    '/calendar/days',
    {
      preHandler: allow('manageCalendar'),
      schema: { summary: 'Add one rest day or worked weekend day to a year whose notice is entered', tags: ['calendar'], body: calendarDayBody, response: { 201: calendarAdded } },
    },
    async (request, reply) => reply.status(201).send(await addCalendarDay(app, currentUser(request), request.body)),
  );
};
