import type { Kysely } from 'kysely';
import { formatLocalDate, toLocalDate } from '../domain/calendar/dates.js';
import { overdueDays } from '../domain/deadlines/lateness.js';
import { measureName } from '../domain/measures/tasks.js';
import { digestMessages } from '../domain/measures/task-messages.js';
import type { Database } from '../db/database.js';
import { measureTasksRepo } from '../db/repositories/measure-tasks.js';
import { createNotificationActivities } from './notifications.js';

/** Lines listed in one digest; the rest are counted. */
const DIGEST_LINES = 30;

export function createDigestActivities(deps: { db: Kysely<Database> }) {
  const { notifyDepartment } = createNotificationActivities(deps);
  return {
    /**
     * The monthly overdue digest: to each department of the county with open
     * tasks past their deadline, one message listing them (longest overdue
     * first). Once per department and month, whatever the retries.
     */
    async sendOverdueDigests(input: { countyId: string; period: string; at: number }): Promise<{ departments: number; webhooks: string[] }> {
      const now = new Date(input.at);
      const overdue = await measureTasksRepo(deps.db).listOverdue({ countyId: input.countyId, now, limit: 10_000, offset: 0 });
      const byDepartment = new Map<string, typeof overdue.items>();
      for (const task of overdue.items) byDepartment.set(task.department_id, [...(byDepartment.get(task.department_id) ?? []), task]);
      const webhooks: string[] = [];
      for (const [departmentId, tasks] of byDepartment) {
        const lines = tasks.slice(0, DIGEST_LINES).map((t) =>
          digestMessages.line({
            place: `${t.town_name ?? ''}${t.village_name ?? ''}`,
            head: t.head_name ?? '',
            measure: measureName(t.measure),
            due: formatLocalDate(toLocalDate(t.due_at.getTime() - 1)),
            days: overdueDays(t.due_at.getTime(), input.at),
          }),
        );
        const more = tasks.length - lines.length;
        const sent = await notifyDepartment({
          key: `digest:${input.countyId}:${input.period}:${departmentId}`,
          countyId: input.countyId,
          departmentId,
          kind: 'measure_task.overdue_digest',
          title: digestMessages.title(input.period, tasks.length),
          body: [digestMessages.heading(input.period, tasks.length), ...lines, ...(more > 0 ? [digestMessages.more(more)] : [])].join('\n'),
          at: input.at,
        });
        if (sent.webhook) webhooks.push(sent.notificationId);
      }
      return { departments: byDepartment.size, webhooks };
    },
  };
}
