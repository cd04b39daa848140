import type { Kysely } from 'kysely';
import type { CalendarDayKind, StoredCalendarDay, StoredCalendarYear } from '../../domain/calendar/stored.js';
import type { Database } from '../database.js';

/** The working-day calendar's years and days (append-only: a day once entered is never changed). */
export function workCalendarRepo(db: Kysely<Database>) {
  return {
    years(): Promise<StoredCalendarYear[]> {
      return db.selectFrom('calendar_years').select(['year', 'notice']).orderBy('year').execute();
    },

    /** Every day, or the days of the notices of the years given (calendar_days_year_idx). */
    days(years?: readonly number[]): Promise<StoredCalendarDay[]> {
      let query = db.selectFrom('calendar_days').select(['day', 'year', 'kind', 'name']).orderBy('day');
      if (years) {
        if (years.length === 0) return Promise.resolve([]);
        query = query.where('year', 'in', years);
      }
      return query.execute();
    },

    /** The days of these dates already entered (the primary key). */
    existing(days: readonly string[]): Promise<StoredCalendarDay[]> {
      if (days.length === 0) return Promise.resolve([]);
      return db.selectFrom('calendar_days').select(['day', 'year', 'kind', 'name']).where('day', 'in', days).execute();
    },

    async addYear(entry: { year: number; notice: string; recordedBy: string }): Promise<void> {
      await db.insertInto('calendar_years').values({ year: entry.year, notice: entry.notice, recorded_by: entry.recordedBy }).execute();
    },

    async addDays(days: readonly { day: string; year: number; kind: CalendarDayKind; name: string }[], recordedBy: string): Promise<void> {
      if (days.length === 0) return;
      await db
        .insertInto('calendar_days')
        .values(days.map((d) => ({ ...d, recorded_by: recordedBy })))
        .execute();
    },
  };
}
