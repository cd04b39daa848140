import type { FastifyInstance } from 'fastify';
import { calendarDayProblem, isProvisionalYear, type CalendarDayKind, type CalendarDayProblem } from '../../domain/calendar/stored.js';
import { toLocalDate } from '../../domain/calendar/dates.js';
import { deadlineMessages } from '../../domain/deadlines/messages.js';
import { calendarMessages as m } from '../../domain/policy/messages.js';
import { workCalendarRepo } from '../../db/repositories/work-calendar.js';
import { HttpError } from '../errors.js';
import type { LoggedInUser } from '../plugins/auth.js';

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === '23505';

type DayInput = { day: string; kind: CalendarDayKind; name: string };

const dayProblemMessage = (problem: CalendarDayProblem): string => {
  switch (problem.kind) {
    case 'not_a_date':
      return m.dayInvalid;
    case 'outside_year':
      return m.dayOutsideYear(problem.year);
    case 'work_on_weekday':
      return m.workOnWeekday;
    case 'no_name':
      return m.nameRequired;
  }
};

/** The years from `from` to `to`, each with its notice and days, or marked provisional when it has none. */
export async function calendarView(app: FastifyInstance, from: number, to: number) {
  const repo = workCalendarRepo(app.db);
  const years = (await repo.years()).filter((y) => y.year >= from && y.year <= to);
  const covered = years.map((y) => y.year);
  const days = await repo.days(covered);
  const list = [];
  for (let year = from; year <= to; year++) {
    const provisional = isProvisionalYear(year, covered);
    list.push({
      year,
      notice: years.find((y) => y.year === year)?.notice ?? null,
      provisional,
      provisionalNote: provisional ? deadlineMessages.provisional(year) : null,
      days: days.filter((d) => d.year === year).map((d) => ({ day: d.day, kind: d.kind, name: d.name })),
    });
  }
  return { years: list };
}

/** Refuses, before anything is written, a day that is not sound or is entered already (or twice in the request). */
async function refuseBadDays(app: FastifyInstance, year: number, days: readonly DayInput[]) {
  const seen = new Set<string>();
  for (const d of days) {
    const problem = calendarDayProblem({ ...d, year });
    if (problem) throw new HttpError(400, m.dayProblem(d.day, dayProblemMessage(problem)), 'INVALID_INPUT');
    if (seen.has(d.day)) throw new HttpError(400, m.dayTwiceInRequest(d.day), 'INVALID_INPUT');
    seen.add(d.day);
  }
  const [existing] = await workCalendarRepo(app.db).existing(days.map((d) => d.day));
  if (existing) throw new HttpError(409, m.dayTwice(existing.day, `${existing.name}${m.kindNames[existing.kind]}`), 'CONFLICT');
}

const duplicateDay = (error: unknown, days: readonly DayInput[]) =>
  isUniqueViolation(error) ? new HttpError(409, m.dayTwice(days[0]?.day ?? '', ''), 'CONFLICT') : error;

/** A year's notice, with the days it names, in one transaction. */
export async function addCalendarYear(app: FastifyInstance, user: LoggedInUser, entry: { year: number; notice: string; days: readonly DayInput[] }) {
  const years = await workCalendarRepo(app.db).years();
  if (years.some((y) => y.year === entry.year)) throw new HttpError(409, m.yearExists(entry.year), 'CONFLICT');
  await refuseBadDays(app, entry.year, entry.days);
  try {
    await app.db.transaction().execute(async (trx) => {
      const repo = workCalendarRepo(trx);
      await repo.addYear({ year: entry.year, notice: entry.notice, recordedBy: user.userId });
      await repo.addDays(entry.days.map((d) => ({ ...d, year: entry.year })), user.userId);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new HttpError(409, m.yearExists(entry.year), 'CONFLICT');
    throw error;
  }
  return { year: entry.year, added: entry.days.length };
}

/** One more day of a year whose notice is entered. */
export async function addCalendarDay(app: FastifyInstance, user: LoggedInUser, input: DayInput & { year?: number | undefined }) {
  const year = input.year ?? Number(input.day.slice(0, 4));
  const day = { day: input.day, kind: input.kind, name: input.name };
  if (!Number.isInteger(year) || !/^\d{4}-\d{2}-\d{2}$/.test(input.day)) throw new HttpError(400, m.dayInvalid, 'INVALID_INPUT');
  const years = await workCalendarRepo(app.db).years();
  if (!years.some((y) => y.year === year)) throw new HttpError(400, m.yearMissing(year), 'INVALID_INPUT');
  await refuseBadDays(app, year, [day]);
  try {
    await workCalendarRepo(app.db).addDays([{ ...day, year }], user.userId);
  } catch (error) {
    throw duplicateDay(error, [day]);
  }
  return { year, added: 1 };
}

/** The year now, on the Asia/Shanghai calendar. */
export const currentYear = (): number => toLocalDate(Date.now()).year;
