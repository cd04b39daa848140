import type { Kysely } from 'kysely';
import { calendarFromRows } from '../domain/calendar/stored.js';
import type { WorkCalendar } from '../domain/calendar/working-days.js';
import type { Database } from '../db/database.js';
import { workCalendarRepo } from '../db/repositories/work-calendar.js';

/**
 * The working-day calendar as the database holds it now, for an activity that
 * computes a deadline: the deadline it returns is recorded in the workflow's
 * history and in the register, so an edit of the calendar later changes the
 * deadlines computed after it and none already recorded. A year without its
 * notice counts weekends alone (provisional).
 */
export async function workCalendar(db: Kysely<Database>): Promise<WorkCalendar> {
  const repo = workCalendarRepo(db);
  const [years, days] = await Promise.all([repo.years(), repo.days()]);
  return calendarFromRows(years, days);
}
